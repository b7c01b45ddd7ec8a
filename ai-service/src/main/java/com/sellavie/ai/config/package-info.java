/** Cross-cutting configuration of ai-service. */
package com.sellavie.ai.config;
