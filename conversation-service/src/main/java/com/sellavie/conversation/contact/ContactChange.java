package com.sellavie.conversation.contact;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code PATCH /api/contacts/{id}}: only the fields given change.
 *
 * @param name  1-100 characters, not blank; from then on Meta's name never replaces it
 * @param notes up to 2000 characters; an empty string clears them
 */
record ContactChange(
        @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
        @Size(max = 2000, message = "must be at most 2000 characters") String notes) {

    @AssertTrue(message = "name or notes is required")
    boolean isAnyField() {
        return name != null || notes != null;
    }
}
