package com.sellavie.identity.email;

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
 * Encrypts an email's action link (it carries a secret token) for {@code identity.account-emails}: Tink
 * AEAD with the keyset identity shares with notification-service only, associated data = the emailId's
 * string (UTF-8), so a ciphertext moved to another email does not decrypt; base64url without padding.
 */
public final class ActionLinkCipher {

    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private final Aead aead;

    private ActionLinkCipher(Aead aead) {
        this.aead = aead;
    }

    /** From the JSON cleartext keyset, failing closed (the service does not start) with a one-line cause. */
    public static ActionLinkCipher fromKeyset(String keysetJson) {
        if (keysetJson == null || keysetJson.isBlank()) {
            throw new IllegalStateException("No email-link keyset: set SELLAVIE_EMAIL_LINK_KEYSET "
                    + "(sellavie.email.link-keyset) to a Tink AEAD JSON keyset (the one notification-service has)");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return new ActionLinkCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("SELLAVIE_EMAIL_LINK_KEYSET (sellavie.email.link-keyset) is not a valid "
                    + "Tink AEAD JSON keyset: " + e.getClass().getSimpleName(), e);
        }
    }

    public String encrypt(String link, UUID emailId) {
        try {
            return ENCODER.encodeToString(aead.encrypt(link.getBytes(StandardCharsets.UTF_8), associatedData(emailId)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the action link of email " + emailId, e);
        }
    }

    /** The link back (what notification-service does; tests read the topic with it). */
    public String decrypt(String ciphertext, UUID emailId) {
        try {
            return new String(aead.decrypt(Base64.getUrlDecoder().decode(ciphertext), associatedData(emailId)),
                    StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Could not decrypt the action link of email " + emailId, e);
        }
    }

    private static byte[] associatedData(UUID emailId) {
        return emailId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
