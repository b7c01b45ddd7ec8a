package com.sellavie.conversation.conversations;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;

/**
 * Where the next page of the inbox starts: after the last conversation shown, by (last activity, id),
 * so conversations with the same activity time are neither skipped nor repeated. Opaque to clients.
 */
record InboxCursor(Instant lastMessageAt, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((lastMessageAt + "|" + id)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Empty when {@code value} is not a cursor this API handed out. */
    static Optional<InboxCursor> decode(String value) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|", 2);
            return Optional.of(new InboxCursor(Instant.parse(parts[0]), UUID.fromString(parts[1])));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
