package com.sellavie.conversation.conversations;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** Bodies of the inbox's write endpoints. */
final class InboxRequests {

    private InboxRequests() {
    }

    /** {@code {"assigneeId": uuid | null}}: null unassigns. */
    record Assignee(UUID assigneeId) {
    }

    /** Lower-cased and trimmed; 1-32 characters each, at most 20 (duplicates dropped). */
    record Labels(@NotNull @Size(max = 20) List<@NotBlank @Size(max = 32) String> labels) {
        List<String> normalised() {
            return labels.stream().map(l -> l.strip().toLowerCase(Locale.ROOT)).distinct().toList();
        }
    }

    record Note(@NotBlank @Size(max = 4000) String text) {
    }
}
