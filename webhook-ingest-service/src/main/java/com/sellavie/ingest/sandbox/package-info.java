/**
 * "Try your assistant": a signed-in member's message enters the real pipeline here, as an
 * {@code InboundMessageReceived} on a per-business SANDBOX channel, with no Meta account involved.
 */
package com.sellavie.ingest.sandbox;
