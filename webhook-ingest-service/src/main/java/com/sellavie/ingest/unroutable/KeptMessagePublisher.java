package com.sellavie.ingest.unroutable;

/**
 * Routes a kept message with the routes known now and, when one is found, publishes it the normal
 * way (an InboundMessageReceived through the outbox, in the caller's transaction).
 */
public interface KeptMessagePublisher {

    /** Whether the message was routed and published; false when its channel is still unknown. */
    boolean publishIfRoutable(KeptMessage message);
}
