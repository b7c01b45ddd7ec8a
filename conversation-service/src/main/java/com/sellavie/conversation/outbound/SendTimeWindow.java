package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.window.CustomerActivity;
import com.sellavie.conversation.window.MessagingWindows;
import com.sellavie.conversation.window.MessagingWindows.Author;
import com.sellavie.conversation.window.WindowDecision;
import java.time.Instant;

/**
 * Meta's windows checked again just before the Send API call: a message may have waited (retries, an
 * older message ahead of it) while its window closed. Decides, too, how it goes out (RESPONSE or the
 * HUMAN_AGENT tag): only a MEMBER's message may use HUMAN_AGENT, never the assistant's or a SYSTEM text.
 */
final class SendTimeWindow {

    /**
     * When the customer last wrote ({@link CustomerActivity#LAST_CUSTOMER_MESSAGE_AT}) is read by the send's
     * preparation with its other facts, in the transaction that marks the attempt.
     */
    static WindowDecision check(ClaimedSend send, Instant lastCustomerMessageAt) {
        return MessagingWindows.decide(send.channel().type(), author(send.authorType()), send.template() != null,
                lastCustomerMessageAt, Instant.now());
    }

    private SendTimeWindow() {
    }

    private static Author author(String authorType) {
        return switch (authorType) {
            case Message.MEMBER -> Author.MEMBER;
            case Message.ASSISTANT -> Author.AI;
            default -> Author.SYSTEM;
        };
    }
}
