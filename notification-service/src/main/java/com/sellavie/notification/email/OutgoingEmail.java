package com.sellavie.notification.email;

import java.util.Map;
import java.util.UUID;

/** A claimed row of {@code outgoing_emails}: what the sender needs to render and send it. */
record OutgoingEmail(UUID emailId, UUID businessId, String kind, String recipient, UUID recipientUserId,
        String locale, Map<String, String> variables, String linkCiphertext, int attempts) {
}
