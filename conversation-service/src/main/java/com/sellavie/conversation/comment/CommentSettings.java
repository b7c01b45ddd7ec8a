package com.sellavie.conversation.comment;

import jakarta.validation.constraints.NotNull;

/**
 * A business's comment settings: whether the assistant answers a customer's comment with one private
 * message (off unless the business turns it on: a private reply speaks for the business in the
 * customer's inbox).
 */
public record CommentSettings(@NotNull Boolean privateReplies) {

    public static CommentSettings defaults() {
        return new CommentSettings(false);
    }
}
