package com.sellavie.conversation.outbound;

import java.time.Instant;

/**
 * The comment an outbound message answers as Meta's private reply: sent to {@code recipient.comment_id}
 * instead of the customer's id, and only until {@code deadline} (7 days after the comment).
 */
record PrivateReply(String commentId, Instant deadline) {

    boolean openAt(Instant now) {
        return now.isBefore(deadline);
    }
}
