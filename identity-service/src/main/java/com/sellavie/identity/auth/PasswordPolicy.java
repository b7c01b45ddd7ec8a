package com.sellavie.identity.auth;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * What a new password must be. Length matters most (NIST SP 800-63B): at least 12 characters; not
 * on the list of common and breached passwords ({@link CommonPasswords}); and, cheaply, not a single
 * kind of character ({@code 123456789012}, {@code aaaaaaaaaaaa}) nor the email address itself. At most 72 bytes in UTF-8, because bcrypt ignores everything after them: a longer
 * password is refused rather than silently truncated. No other composition rule, no expiry.
 */
public final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_BYTES = 72;

    private PasswordPolicy() {
    }

    /** What is wrong with {@code password} for the account of {@code normalisedEmail}, or empty. */
    public static Optional<String> problem(String password, String normalisedEmail) {
        if (password == null || password.isEmpty()) {
            return Optional.of("is required");
        }
        if (password.codePointCount(0, password.length()) < MIN_LENGTH) {
            return Optional.of("must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            return Optional.of("must be at most " + MAX_BYTES + " bytes (UTF-8)");
        }
        if (characterClasses(password) < 2) {
            return Optional.of("must mix at least two kinds of characters: lower-case letters, upper-case letters, "
                    + "digits, symbols or spaces");
        }
        if (normalisedEmail != null && password.strip().equalsIgnoreCase(normalisedEmail)) {
            return Optional.of("must not be your email address");
        }
        if (CommonPasswords.contains(password)) {
            return Optional.of("is too common: it is on a list of leaked passwords attackers try first");
        }
        return Optional.empty();
    }

    /** Whether bcrypt can take the password whole (log-in refuses longer ones without comparing). */
    static boolean fitsBcrypt(String password) {
        return password.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
    }

    private static int characterClasses(String password) {
        boolean lower = false;
        boolean upper = false;
        boolean digit = false;
        boolean other = false;
        for (int i = 0; i < password.length(); ) {
            int c = password.codePointAt(i);
            i += Character.charCount(c);
            if (Character.isLowerCase(c)) {
                lower = true;
            } else if (Character.isUpperCase(c)) {
                upper = true;
            } else if (Character.isDigit(c)) {
                digit = true;
            } else {
                other = true;
            }
        }
        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
