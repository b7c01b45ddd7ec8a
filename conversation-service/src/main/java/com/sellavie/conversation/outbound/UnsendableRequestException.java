package com.sellavie.conversation.outbound;

/**
 * A request to send something that can never be sent as asked: a conversation the business does not
 * have, or a text that is blank or too long for the channel. Permanent (not retried): the record goes
 * to the dead letters at once with this message as the reason, and nothing is recorded.
 */
class UnsendableRequestException extends RuntimeException {

    UnsendableRequestException(String message) {
        super(message);
    }
}
