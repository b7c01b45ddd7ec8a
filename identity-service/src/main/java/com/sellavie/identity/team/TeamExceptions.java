package com.sellavie.identity.team;

import java.util.Map;

/** Team failures; {@link TeamProblems} turns each into problem JSON. */
final class TeamExceptions {

    private TeamExceptions() {
    }

    /** Unknown here: another business's member or invitation, a malformed id (404, nothing said about others). */
    static class NotFoundException extends RuntimeException {

        NotFoundException(String what) {
            super(what);
        }
    }

    /** The caller's role does not allow this action on this member or role (403). */
    static class NotAllowedException extends RuntimeException {

        NotAllowedException(String detail) {
            super(detail);
        }
    }

    /** The request's fields are invalid (400 with errors). */
    static class InvalidInputException extends RuntimeException {

        private final Map<String, String> fieldErrors;

        InvalidInputException(Map<String, String> fieldErrors) {
            super("Invalid fields: " + fieldErrors.keySet());
            this.fieldErrors = Map.copyOf(fieldErrors);
        }

        Map<String, String> fieldErrors() {
            return fieldErrors;
        }
    }

    /** The change would leave the business without an OWNER (409). */
    static class LastOwnerException extends RuntimeException {

        LastOwnerException() {
            super("A business keeps at least one OWNER.");
        }
    }

    /** The invited address already belongs to a member, or an invitation for it is pending (409). */
    static class ConflictException extends RuntimeException {

        final String title;

        ConflictException(String title, String detail) {
            super(detail);
            this.title = title;
        }
    }

    /** The invitation cannot be accepted any more: {@code reason} is expired, used or revoked (422). */
    static class InvitationUnusableException extends RuntimeException {

        final String reason;

        InvitationUnusableException(String reason, String detail) {
            super(detail);
            this.reason = reason;
        }
    }

    /** The invited address has an account: sign in as it or give its password (401). */
    static class SignInRequiredException extends RuntimeException {

        SignInRequiredException() {
            super("This address already has an account: sign in as it, or give its password, to accept.");
        }
    }
}
