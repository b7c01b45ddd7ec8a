package com.sellavie.notification.email;

import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;

/**
 * Which send failures are worth retrying. Permanent: the server refused the recipient (5xx on RCPT
 * TO: a {@link SendFailedException} naming invalid addresses), an address that does not parse, a
 * message that cannot be built, a link that does not decrypt. Everything else (server down, refused
 * connection, timeouts, 4xx, authentication) may pass later.
 */
final class DeliveryFailures {

    private DeliveryFailures() {
    }

    static boolean isPermanent(Throwable failure) {
        for (Throwable current = failure; current != null; current = current.getCause()) {
            if (current instanceof UndeliverableEmailException || current instanceof MailParseException
                    || current instanceof MailPreparationException || current instanceof AddressException) {
                return true;
            }
            if (current instanceof SendFailedException refused && refused.getInvalidAddresses() != null
                    && refused.getInvalidAddresses().length > 0) {
                return true;
            }
            if (current.getCause() == current) {
                break;
            }
        }
        return false;
    }

    /** Class and message of the failure and its root cause: no link, no token (they never reach an exception). */
    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String first = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? first : first + " (cause " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
