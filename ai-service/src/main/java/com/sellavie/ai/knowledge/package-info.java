/** What ai-service knows about a tenant: its name and its small FAQ / catalog seed, stored under row-level tenancy. */
package com.sellavie.ai.knowledge;
