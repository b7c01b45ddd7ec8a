package com.sellavie.identity.auth;

import java.util.Optional;

/**
 * The sign-up rules for an email address and a new password, for other features that create or
 * name accounts (team invitations): one policy, applied the same way everywhere.
 */
public final class AccountRules {

    private AccountRules() {
    }

    /** The stored, compared form of an address (trimmed, lower-case); null stays null. */
    public static String normaliseEmail(String email) {
        return EmailAddress.normalise(email);
    }

    /** What is wrong with a normalised address, or empty. */
    public static Optional<String> emailProblem(String normalisedEmail) {
        return EmailAddress.problem(normalisedEmail);
    }

    /** What is wrong with a new password for the account of {@code normalisedEmail}, or empty. */
    public static Optional<String> passwordProblem(String password, String normalisedEmail) {
        return PasswordPolicy.problem(password, normalisedEmail);
    }

    /** Whether bcrypt can compare {@code password} whole. */
    public static boolean fitsBcrypt(String password) {
        return password != null && PasswordPolicy.fitsBcrypt(password);
    }
}
