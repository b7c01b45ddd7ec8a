package com.sellavie.notification.email;

import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * One email to send. {@code kind} names its template; {@code variables} are what the template shows
 * (never a secret); {@code linkCiphertext} is the action link still encrypted (associated data: the
 * emailId), kept so at rest and decrypted only to send.
 */
public record EmailRequest(UUID emailId, UUID businessId, String kind, String recipient, String locale,
        Map<String, String> variables, String linkCiphertext) {

    public EmailRequest {
        Objects.requireNonNull(emailId, "emailId");
        Objects.requireNonNull(businessId, "businessId");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(recipient, "recipient");
        variables = Map.copyOf(variables);
    }
}
