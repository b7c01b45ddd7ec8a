package com.sellavie.conversation.inbound;

/**
 * The business has no channel by that id (disconnected, or a routing mistake). Retried, then
 * dead-lettered by the platform's error handler: visible and replayable, never silently dropped.
 */
class UnknownChannelException extends RuntimeException {

    UnknownChannelException(String type, String externalId) {
        super("No " + type + " channel " + externalId + " for this business");
    }
}
