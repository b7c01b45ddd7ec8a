package com.sellavie.conversation.channel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeyStatus;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChannelTokenCipherTest {

    @TempDir
    Path dir;

    @Test
    void missingKeysetFailsClosedWithOneLineCause() {
        assertThatThrownBy(() -> ChannelTokenCipher.fromKeysetFile(""))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("SELLAVIE_CONVERSATION_KEYSET_FILE")
                .message().doesNotContain("\n");
        assertThatThrownBy(() -> ChannelTokenCipher.fromKeysetFile(dir.resolve("absent.json").toString()))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("missing or unreadable");
    }

    @Test
    void aCiphertextOnlyDecryptsForItsOwnChannel() throws Exception {
        ChannelTokenCipher cipher = ChannelTokenCipher.fromKeysetFile(write(newKeyset()).toString());
        UUID channel = UUID.randomUUID();

        byte[] ciphertext = cipher.encrypt("EAAB-secret-token-4f2a", channel);

        assertThat(cipher.decrypt(ciphertext, channel)).isEqualTo("EAAB-secret-token-4f2a");
        assertThatThrownBy(() -> cipher.decrypt(ciphertext, UUID.randomUUID()))
                .isInstanceOf(IllegalStateException.class).hasMessageNotContaining("EAAB");
    }

    @Test
    void rotatedKeysetStillDecryptsTokensEncryptedWithTheOldKey() throws Exception {
        KeysetHandle old = newKeyset();
        UUID channel = UUID.randomUUID();
        byte[] ciphertext = ChannelTokenCipher.fromKeysetFile(write(old).toString()).encrypt("token-1234567890", channel);

        // rotation: a new primary key added beside the old one
        KeysetHandle rotated = KeysetHandle.newBuilder(old)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary().setStatus(KeyStatus.ENABLED))
                .build();
        ChannelTokenCipher cipher = ChannelTokenCipher.fromKeysetFile(write(rotated).toString());

        assertThat(cipher.decrypt(ciphertext, channel)).isEqualTo("token-1234567890");
        assertThat(cipher.decrypt(cipher.encrypt("new-token-123456", channel), channel)).isEqualTo("new-token-123456");
    }

    private static KeysetHandle newKeyset() throws Exception {
        AeadConfig.register();
        return KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
    }

    private Path write(KeysetHandle keyset) throws Exception {
        Path file = Files.createTempFile(dir, "keyset", ".json");
        Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
        return file;
    }
}
