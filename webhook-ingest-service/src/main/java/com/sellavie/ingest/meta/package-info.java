/** Meta webhooks (Instagram, Messenger, WhatsApp): handshake, signature over the raw bytes, parsing, routing, publishing. */
package com.sellavie.ingest.meta;
