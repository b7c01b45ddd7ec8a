package com.sellavie.conversation.conversations;

import java.util.Locale;
import java.util.Optional;

/** {@code GET /api/conversations?filter=…}: which of the business's conversations to list. */
enum InboxFilter {
    ALL, MINE, UNASSIGNED, BOT, HUMAN, CLOSED,
    /** Only the business's sandbox ("Try your assistant") conversations, which every other filter leaves out. */
    SANDBOX;

    static Optional<InboxFilter> named(String name) {
        for (InboxFilter filter : values()) {
            if (filter.name().toLowerCase(Locale.ROOT).equals(name)) {
                return Optional.of(filter);
            }
        }
        return Optional.empty();
    }
}
