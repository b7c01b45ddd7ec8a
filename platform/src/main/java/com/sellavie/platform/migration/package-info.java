/** Flyway migrations of the platform's own tables (outbox, inbox, relay offsets), run beside each service's. */
package com.sellavie.platform.migration;
