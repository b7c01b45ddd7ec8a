package com.sellavie.conversation.consent;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * {@code POST /api/contacts/{id}/consents}.
 *
 * @param source how the business learnt it, e.g. "conversation", "website form", "in store"
 */
record ConsentChange(
        @NotNull(message = "is required") @Pattern(regexp = "MESSAGING|MARKETING", message = "must be MESSAGING or MARKETING")
        String purpose,
        @NotNull(message = "is required") @Pattern(regexp = "GRANTED|WITHDRAWN", message = "must be GRANTED or WITHDRAWN")
        String status,
        @NotNull(message = "is required") @Size(min = 1, max = 100, message = "must be 1 to 100 characters")
        @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String source) {
}
