package com.sellavie.notification.email;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One email to send. {@code kind} names its template; {@code recipient} is the address, or null for a
 * member's ({@code recipientUserId}), asked of identity when sending; {@code variables} are what the
 * template shows (never a secret); {@code linkCiphertext} is the action link still encrypted
 * (associated data: the emailId), kept so at rest and decrypted only to send.
 */
public record EmailRequest(UUID emailId, UUID businessId, String kind, String recipient, UUID recipientUserId,
        String locale, Map<String, String> variables, String linkCiphertext) {

    public EmailRequest {
        Objects.requireNonNull(emailId, "emailId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(kind, "kind");
        if (recipient == null && recipientUserId == null) {
            throw new IllegalArgumentException("Email " + emailId + " has neither a recipient nor a member to send to");
        }
        variables = Map.copyOf(variables);
    }
}
