package com.sellavie.conversation.outbound;

/** What one Send API call came to. */
sealed interface SendOutcome {

    /** Meta accepted the message. */
    record Accepted(String messageId) implements SendOutcome {
    }

    /** Meta (or the network, before anything was sent) refused it; {@code retryable} says whether trying again may help. */
    record Rejected(boolean retryable, String reason, String code, String detail) implements SendOutcome {
    }

    /** The request may have reached Meta but no answer came: trying again could send it twice. */
    record Unknown(String reason) implements SendOutcome {
    }
}
