package com.sellavie.identity.privacy;

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
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Encrypts export archives at rest with identity's Tink AEAD keyset (the one TOTP secrets use,
 * {@code sellavie.identity.totp.keyset-file}, required at start-up anyway). The request id is the
 * associated data, so an archive copied to another request's row does not decrypt.
 */
@Component
class ArchiveCipher {

    private final Aead aead;

    ArchiveCipher(@Value("${sellavie.identity.totp.keyset-file:}") String keysetFile) {
        if (keysetFile == null || keysetFile.isBlank()) {
            throw new IllegalStateException("No keyset for export archives: set SELLAVIE_IDENTITY_KEYSET_FILE "
                    + "(sellavie.identity.totp.keyset-file) to a Tink JSON keyset file");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(Path.of(keysetFile)),
                    InsecureSecretKeyAccess.get());
            this.aead = keyset.getPrimitive(RegistryConfiguration.get(), Aead.class);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Keyset file " + keysetFile + " is not a readable Tink AEAD JSON keyset: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    byte[] encrypt(byte[] archive, UUID requestId) {
        try {
            return aead.encrypt(archive, requestId.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the archive of " + requestId, e);
        }
    }

    byte[] decrypt(byte[] ciphertext, UUID requestId) {
        try {
            return aead.decrypt(ciphertext, requestId.toString().getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt the archive of " + requestId, e);
        }
    }
}
