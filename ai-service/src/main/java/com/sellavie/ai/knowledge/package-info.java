/** What ai-service knows about a tenant: its name, profile and FAQ, stored under row-level tenancy. */
package com.sellavie.ai.knowledge;
