package com.sellavie.conversation.channel;

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
 * Encrypts channel access tokens with a Tink AEAD keyset. The channel id is the associated data, so
 * a ciphertext moved to another channel's row fails to decrypt. Rotation: add a new key to the
 * keyset and make it primary; Tink decrypts with whichever key a ciphertext names, so old rows keep
 * working and new ones use the new key.
 */
public class ChannelTokenCipher {

    private final Aead aead;

    ChannelTokenCipher(Aead aead) {
        this.aead = aead;
    }

    /** Loads the keyset, failing closed (the service does not start) with a one-line cause. */
    static ChannelTokenCipher fromKeysetFile(String keysetFile) {
        if (keysetFile == null || keysetFile.isBlank()) {
            throw new IllegalStateException("No channel-token keyset: set SELLAVIE_CONVERSATION_KEYSET_FILE "
                    + "(sellavie.conversation.encryption.keyset-file) to a Tink JSON keyset file");
        }
        Path path = Path.of(keysetFile);
        if (!Files.isReadable(path)) {
            throw new IllegalStateException("Channel-token keyset file " + path + " is missing or unreadable "
                    + "(SELLAVIE_CONVERSATION_KEYSET_FILE)");
        }
        try {
            AeadConfig.register();
            KeysetHandle keyset = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(path),
                    InsecureSecretKeyAccess.get());
            return new ChannelTokenCipher(keyset.getPrimitive(RegistryConfiguration.get(), Aead.class));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("Channel-token keyset file " + path + " is not a valid Tink AEAD "
                    + "JSON keyset: " + e.getClass().getSimpleName(), e);
        }
    }

    byte[] encrypt(String token, UUID channelId) {
        try {
            return aead.encrypt(token.getBytes(StandardCharsets.UTF_8), associatedData(channelId));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt the token of channel " + channelId, e);
        }
    }

    String decrypt(byte[] ciphertext, UUID channelId) {
        try {
            return new String(aead.decrypt(ciphertext, associatedData(channelId)), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not decrypt the token of channel " + channelId
                    + " (wrong keyset, or a ciphertext that belongs to another row)", e);
        }
    }

    private static byte[] associatedData(UUID channelId) {
        return ByteBuffer.allocate(16).putLong(channelId.getMostSignificantBits())
                .putLong(channelId.getLeastSignificantBits()).array();
    }
}
