package com.sellavie.identity.mfa;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Encrypts TOTP secrets with a Tink AEAD keyset, as conversation and commerce encrypt their secrets.
 * The user id is the associated data, so a ciphertext copied to another user's row does not decrypt.
 */
class TotpSecretCipher {

    private final Aead aead;

    TotpSecretCipher(Aead aead) {
        this.aead = aead;
    }

    /** Loads the keyset, failing closed (the service does not start) with a one-line cause. */
    static TotpSecretCipher fromKeysetFile(String keysetFile) {
        if (keysetFile == null || keysetFile.isBlank()) {
            throw new IllegalStateException("No TOTP-secret keyset: set SELLAVIE_IDENTITY_KEYSET_FILE "
                    + "(sellavie.identity.totp.keyset-file) to a Tink JSON keyset file");
        }
        Path path = Path.of(keysetFile);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("TOTP-secret keyset file " + path + " is missing or unreadable "
                    + "(SELLAVIE_IDENTITY_KEYSET_FILE)");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path),
                    InsecureSecretKeyAccess.get());
            return new TotpSecretCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("TOTP-secret keyset file " + path + " is not a valid Tink AEAD "
                    + "JSON keyset: " + e.getClass().getSimpleName(), e);
        }
    }

    byte[] encrypt(String secret, UUID userId) {
        try {
            return aead.encrypt(secret.getBytes(StandardCharsets.US_ASCII), associatedData(userId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the TOTP secret of user " + userId, e);
        }
    }

    String decrypt(byte[] ciphertext, UUID userId) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(userId)), StandardCharsets.US_ASCII);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt the TOTP secret of user " + userId
                    + " (wrong keyset, or a ciphertext that belongs to another row)", e);
        }
    }

    private static byte[] associatedData(UUID userId) {
        return ByteBuffer.allocate(16).putLong(userId.getMostSignificantBits())
                .putLong(userId.getLeastSignificantBits()).array();
    }
}
