package com.sellavie.identity.auth;

import java.util.Optional;

/** A business's display name: trimmed, 2 to 120 characters, no control characters. */
public final class BusinessName {

    static final int MIN_LENGTH = 2;
    static final int MAX_LENGTH = 120;

    private BusinessName() {
    }

    public static String normalise(String name) {
        return name == null ? null : name.strip();
    }

    public static Optional<String> problem(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of("is required");
        }
        int length = normalised.codePointCount(0, normalised.length());
        if (length < MIN_LENGTH || length > MAX_LENGTH) {
            return Optional.of("must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (normalised.codePoints().anyMatch(Character::isISOControl)) {
            return Optional.of("must not contain control characters");
        }
        return Optional.empty();
    }
}
