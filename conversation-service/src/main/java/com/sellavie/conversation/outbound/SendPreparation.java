package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.outbound.OutboundQueue.Attempt;
import com.sellavie.conversation.window.WindowDecision;
import com.sellavie.conversation.window.WindowDecision.Allowance;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a send reads and writes just before its Send API call, in one transaction as the message's
 * business: whether a person took the conversation over, the comment's or the messaging window, the
 * customer message the reply answers (these three read in one statement: {@link SendFacts}), the
 * channel's token, and ATTEMPTING (the commit that must precede the call). One connection and one
 * commit per attempt instead of one per step; and the checks and the mark see the same moment. A check that fails writes nothing here: the caller records it.
 */
@Component
class SendPreparation {

    /** What the attempt may do next. */
    sealed interface Outcome {
    }

    /** A person has the conversation ({@code mode}): the assistant's reply is withheld. */
    record Withheld(String mode) implements Outcome {
    }

    /** The private reply's comment is older than Meta's 7 days. */
    record PrivateReplyWindowClosed() implements Outcome {
    }

    /** No messaging window is open for this message. */
    record OutsideWindow() implements Outcome {
    }

    /** The channel's token is missing or does not decrypt. */
    record NoToken(RuntimeException cause) implements Outcome {
    }

    /** Another instance took the message over since the claim. */
    record ClaimLost() implements Outcome {
    }

    /**
     * ATTEMPTING is committed: call Meta now.
     *
     * @param answeredMessageAt when the customer wrote what the assistant's reply answers (null otherwise)
     */
    record Ready(Attempt attempt, String token, Allowance allowance, Instant answeredMessageAt) implements Outcome {
    }

    private final SendFacts facts;
    private final ChannelDirectory channels;
    private final OutboundQueue queue;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;

    SendPreparation(SendFacts facts, ChannelDirectory channels, OutboundQueue queue, Tenancy tenancy,
            TransactionTemplate transaction) {
        this.facts = facts;
        this.channels = channels;
        this.queue = queue;
        this.tenancy = tenancy;
        this.transaction = transaction;
    }

    Outcome prepare(ClaimedSend send, String owner, Duration lease) {
        return tenancy.callAs(send.businessId(), () -> transaction.execute(status -> inTransaction(send, owner, lease, status)));
    }

    private Outcome inTransaction(ClaimedSend send, String owner, Duration lease, TransactionStatus status) {
        SendFacts.Facts read = facts.read(send);
        if (read.withholdingMode() != null) {
            return new Withheld(read.withholdingMode());
        }
        // A private reply goes by the comment's own 7 days, not by the (never opened) messaging window.
        WindowDecision window;
        if (send.privateReply() != null) {
            if (!send.privateReply().openAt(Instant.now())) {
                return new PrivateReplyWindowClosed();
            }
            window = new WindowDecision(Allowance.RESPONSE, null);
        } else {
            window = SendTimeWindow.check(send, read.lastCustomerMessageAt());
            if (!window.allowed()) {
                return new OutsideWindow();
            }
        }
        String token;
        try {
            token = channels.accessToken(send.channel());
        } catch (RuntimeException e) {
            status.setRollbackOnly(); // nothing is written; a failed query has aborted the transaction anyway
            return new NoToken(e);
        }
        return queue.markAttempting(send.businessId(), send.messageId(), owner, lease)
                .<Outcome>map(attempt -> new Ready(attempt, token, window.allowance(), read.answeredMessageAt()))
                .orElseGet(ClaimLost::new);
    }
}
