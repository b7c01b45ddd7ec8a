package com.sellavie.conversation.messaging;

import java.time.Duration;
import java.time.Instant;

/**
 * A customer's comment an assistant's reply answers, privately.
 *
 * @param commentId   Meta's comment id: the Send API's {@code recipient.comment_id}
 * @param commentedAt when the customer commented, per Meta
 */
public record CommentToAnswer(String commentId, Instant commentedAt) {

    /** Meta accepts a private reply within 7 days of the comment. */
    public static final Duration PRIVATE_REPLY_WINDOW = Duration.ofDays(7);

    public Instant privateReplyDeadline() {
        return commentedAt.plus(PRIVATE_REPLY_WINDOW);
    }
}
