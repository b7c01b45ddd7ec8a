package com.sellavie.identity.auth;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Email addresses as accounts know them: trimmed and lower-cased (one account per address, whatever
 * its case), ASCII, a plausible mailbox at a domain with a dot. Deliverability is not checked here.
 */
public final class EmailAddress {

    static final int MAX_LENGTH = 254;
    private static final int MAX_LOCAL_LENGTH = 64;
    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9!#$%&'*+/=?^_`{|}~-]+(\\.[a-z0-9!#$%&'*+/=?^_`{|}~-]+)*"
                    + "@([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]([a-z0-9-]{0,61}[a-z0-9])");

    private EmailAddress() {
    }

    /** The form an address is stored and compared in; null stays null. */
    public static String normalise(String email) {
        return email == null ? null : email.strip().toLowerCase(Locale.ROOT);
    }

    /** What is wrong with a normalised address, or empty when it is acceptable. */
    public static Optional<String> problem(String normalised) {
        if (normalised == null || normalised.isEmpty()) {
            return Optional.of("is required");
        }
        if (normalised.length() > MAX_LENGTH) {
            return Optional.of("must be at most " + MAX_LENGTH + " characters");
        }
        if (!SHAPE.matcher(normalised).matches() || normalised.indexOf('@') > MAX_LOCAL_LENGTH) {
            return Optional.of("must be a valid email address, like name@example.com");
        }
        return Optional.empty();
    }
}
