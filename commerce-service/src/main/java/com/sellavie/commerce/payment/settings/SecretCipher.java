package com.sellavie.commerce.payment.settings;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Encrypts payment provider secrets with a Tink AEAD keyset. The associated data is
 * {@code <businessId>:<provider>}, so a ciphertext moved to another business's (or provider's) row
 * fails to decrypt. Rotation: add a new key to the keyset and make it primary; Tink decrypts with
 * whichever key a ciphertext names, so stored secrets keep working and new ones use the new key.
 */
class SecretCipher {

    private final Aead aead;

    SecretCipher(Aead aead) {
        this.aead = aead;
    }

    /** Loads the keyset, failing closed (the service does not start) with a one-line cause. */
    static SecretCipher fromKeysetFile(String keysetFile) {
        if (keysetFile == null || keysetFile.isBlank()) {
            throw new IllegalStateException("No payment-secret keyset: set SELLAVIE_COMMERCE_KEYSET_FILE "
                    + "(sellavie.commerce.encryption.keyset-file) to a Tink JSON keyset file");
        }
        Path path = Path.of(keysetFile);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("Payment-secret keyset file " + path + " is missing or unreadable "
                    + "(SELLAVIE_COMMERCE_KEYSET_FILE)");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path),
                    InsecureSecretKeyAccess.get());
            return new SecretCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            // The cause's class only: a parser message could quote the file's key material.
            throw new IllegalStateException("Payment-secret keyset file " + path + " is not a valid Tink AEAD "
                    + "JSON keyset: " + e.getClass().getSimpleName());
        }
    }

    byte[] encrypt(String secret, UUID businessId, Provider provider) {
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.UTF_8), associatedData(businessId, provider));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a " + provider + " secret of business " + businessId, e);
        }
    }

    String decrypt(byte[] ciphertext, UUID businessId, Provider provider) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(businessId, provider)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt a " + provider + " secret of business " + businessId
                    + " (a keyset without the key that encrypted it, or a ciphertext that belongs to another row)", e);
        }
    }

    private static byte[] associatedData(UUID businessId, Provider provider) {
        return (businessId + ":" + provider.name()).getBytes(StandardCharsets.UTF_8);
    }
}
