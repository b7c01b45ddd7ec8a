package com.sellavie.ai.settings;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.UUID;

/**
 * Encrypts businesses' own provider keys with a Tink AEAD keyset ({@code SELLAVIE_AI_KEYSET}). The
 * associated data is the business id, so a ciphertext copied into another business's row does not
 * decrypt. Rotation as in commerce-service: add a key to the keyset and make it primary; ciphertexts
 * name the key that made them, so stored keys keep decrypting.
 */
class KeyCipher {

    private final Aead aead;

    KeyCipher(Aead aead) {
        this.aead = aead;
    }

    /** Loads the keyset (the JSON itself), failing closed (the service does not start) with a one-line cause. */
    static KeyCipher fromKeyset(String keysetJson) {
        if (keysetJson == null || keysetJson.isBlank()) {
            throw new IllegalStateException("No AI key keyset: set SELLAVIE_AI_KEYSET (sellavie.ai.keyset) to a Tink "
                    + "JSON AEAD keyset (it encrypts the API keys businesses store)");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(keysetJson, InsecureSecretKeyAccess.get());
            return new KeyCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (GeneralSecurityException | RuntimeException e) {
            // The cause's class only: a parser's message could quote key material.
            throw new IllegalStateException("SELLAVIE_AI_KEYSET (sellavie.ai.keyset) is not a valid Tink JSON AEAD "
                    + "keyset: " + e.getClass().getSimpleName());
        }
    }

    byte[] encrypt(String key, UUID businessId) {
        try {
            return aead.encrypt(key.getBytes(StandardCharsets.UTF_8), associatedData(businessId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt an AI provider key of business " + businessId, e);
        }
    }

    String decrypt(byte[] ciphertext, UUID businessId) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(businessId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt an AI provider key of business " + businessId
                    + " (a keyset without the key that encrypted it, or a ciphertext of another business)", e);
        }
    }

    private static byte[] associatedData(UUID businessId) {
        return businessId.toString().getBytes(StandardCharsets.UTF_8);
    }
}
