package com.sellavie.identity.auth;

import java.util.LinkedHashMap;
import java.util.Map;

/** The JSON bodies of sign-up and log-in, and the checks they pass before anything else happens. */
final class AuthRequests {

    private AuthRequests() {
    }

    /** {@code POST /api/auth/signup}. Never log it: it carries a password. */
    record SignupRequest(String email, String password, String businessName) {

        /** The request made acceptable (normalised), or {@link InvalidInputException} with every field's problem. */
        ValidSignup validate() {
            String normalisedEmail = EmailAddress.normalise(email);
            String name = BusinessName.normalise(businessName);
            Map<String, String> errors = new LinkedHashMap<>();
            EmailAddress.problem(normalisedEmail).ifPresent(problem -> errors.put("email", problem));
            PasswordPolicy.problem(password, normalisedEmail).ifPresent(problem -> errors.put("password", problem));
            BusinessName.problem(name).ifPresent(problem -> errors.put("businessName", problem));
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
            return new ValidSignup(normalisedEmail, password, name);
        }

        @Override
        public String toString() {
            return "SignupRequest[businessName=" + businessName + "]";
        }
    }

    /** A sign-up that passed every input rule. */
    record ValidSignup(String email, String password, String businessName) {

        @Override
        public String toString() {
            return "ValidSignup[businessName=" + businessName + "]";
        }
    }

    /** {@code POST /api/auth/login}: only presence is checked; the rest is "email or password is incorrect". */
    record LoginRequest(String email, String password) {

        void validate() {
            Map<String, String> errors = new LinkedHashMap<>();
            if (email == null || email.isBlank()) {
                errors.put("email", "is required");
            }
            if (password == null || password.isEmpty()) {
                errors.put("password", "is required");
            }
            if (!errors.isEmpty()) {
                throw new InvalidInputException(errors);
            }
        }

        @Override
        public String toString() {
            return "LoginRequest[]";
        }
    }
}
