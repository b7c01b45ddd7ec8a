/**
 * Sellavie's event contracts: the topic registry, the event metadata every event carries, and the
 * wire serde configuration. Plain Java, no Spring.
 */
package com.sellavie.schemas;
