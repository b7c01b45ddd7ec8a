package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.Message;
import com.sellavie.conversation.window.CustomerActivity;
import com.sellavie.conversation.window.MessagingWindows;
import com.sellavie.conversation.window.MessagingWindows.Author;
import com.sellavie.conversation.window.WindowDecision;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * Meta's windows checked again just before the Send API call: a message may have waited (retries, an
 * older message ahead of it) while its window closed. Decides, too, how it goes out (RESPONSE or the
 * HUMAN_AGENT tag): only a MEMBER's message may use HUMAN_AGENT, never the assistant's or a SYSTEM text.
 */
@Component
class SendTimeWindow {

    private final CustomerActivity activity;

    SendTimeWindow(CustomerActivity activity) {
        this.activity = activity;
    }

    /** Run as the message's business (in the transaction that marks the attempt). */
    WindowDecision check(ClaimedSend send) {
        Instant lastCustomerMessage = activity.lastCustomerMessageAt(send.businessId(), send.conversation().id());
        return MessagingWindows.decide(send.channel().type(), author(send.authorType()), send.template() != null,
                lastCustomerMessage, Instant.now());
    }

    private static Author author(String authorType) {
        return switch (authorType) {
            case Message.MEMBER -> Author.MEMBER;
            case Message.ASSISTANT -> Author.AI;
            default -> Author.SYSTEM;
        };
    }
}
