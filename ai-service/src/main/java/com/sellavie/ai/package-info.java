/** ai-service: tenant context, the AI provider chain with failover, and action tags. */
package com.sellavie.ai;
