package com.sellavie.ai.reply;

import com.sellavie.ai.provider.ProviderException;

/**
 * No provider could answer a ReplyRequested. Thrown out of the listener so the record is retried
 * and, past the retries, lands in the dead-letter topic: a request is never silently dropped.
 */
public class ReplyNotGeneratedException extends RuntimeException {

    ReplyNotGeneratedException(String replyRequestId, ProviderException cause) {
        super("No reply for ReplyRequested " + replyRequestId + ": " + cause.getMessage(), cause);
    }
}
