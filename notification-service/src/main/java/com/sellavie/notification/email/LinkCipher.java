package com.sellavie.notification.email;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.UUID;

/**
 * Decrypts the action links identity puts in AccountEmailRequested: Tink AEAD, associated data = the
 * emailId's text, ciphertext base64url without padding. The associated data binds a link to its
 * email, so a ciphertext copied into another request does not decrypt.
 */
class LinkCipher {

    private final Aead aead;

    LinkCipher(Aead aead) {
        this.aead = aead;
    }

    /** Loads the keyset, failing closed (the service does not start) with a one-line cause. */
    static LinkCipher fromKeyset(String keysetJson) {
        if (keysetJson == null || keysetJson.isBlank()) {
            throw new IllegalStateException("No email link keyset: set SELLAVIE_EMAIL_LINK_KEYSET "
                    + "(sellavie.email.link-keyset) to identity-service's Tink JSON AEAD keyset");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return new LinkCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause's class only: a parser's message could quote key material.
            throw new IllegalStateException("SELLAVIE_EMAIL_LINK_KEYSET (sellavie.email.link-keyset) is not a valid "
                    + "Tink JSON AEAD keyset: " + e.getClass().getSimpleName());
        }
    }

    String decrypt(String ciphertext, UUID emailId) {
        try {
            byte[] clear = aead.decrypt(Base64.getUrlDecoder().decode(ciphertext),
                    emailId.toString().getBytes(StandardCharsets.UTF_8));
            return new String(clear, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new UndeliverableEmailException("The action link of email " + emailId + " does not decrypt "
                    + "(another keyset, or a ciphertext of another email)");
        }
    }
}
