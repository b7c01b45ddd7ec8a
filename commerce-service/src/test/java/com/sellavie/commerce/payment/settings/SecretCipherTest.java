package com.sellavie.commerce.payment.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretCipherTest {

    private static final String SECRET = Keys.PAYSTACK_TEST_SECRET;

    @TempDir
    Path folder;

    @Test
    void aKeysetWithANewPrimaryKeyStillDecryptsWhatTheOldKeyEncrypted() throws Exception {
        // Given a secret encrypted with the original keyset
        AeadConfig.register();
        KeysetHandle original = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        UUID business = UUID.randomUUID();
        byte[] before = SecretCipher.fromKeysetFile(write("original.json", original).toString())
                .encrypt(SECRET, business, Provider.PAYSTACK);

        // When the keyset is rotated: a new key added and made primary (tinkey add-key + promote-key)
        KeysetHandle rotated = KeysetHandle.newBuilder(original)
                .addEntry(KeysetHandle.generateEntryFromParameters(PredefinedAeadParameters.AES256_GCM)
                        .withRandomId().makePrimary())
                .build();
        int newKeyId = rotated.getPrimary().getId();
        SecretCipher afterRotation = SecretCipher.fromKeysetFile(write("rotated.json", rotated).toString());

        // Then old ciphertexts still decrypt, and new ones are made with the new key
        assertThat(afterRotation.decrypt(before, business, Provider.PAYSTACK)).isEqualTo(SECRET);
        byte[] after = afterRotation.encrypt(SECRET, business, Provider.PAYSTACK);
        assertThat(keyIdOf(after)).isEqualTo(newKeyId).isNotEqualTo(keyIdOf(before));
        // and the original keyset cannot read what only the new key made
        assertThatIllegalStateException().isThrownBy(() -> SecretCipher.fromKeysetFile(
                folder.resolve("original.json").toString()).decrypt(after, business, Provider.PAYSTACK));
    }

    @Test
    void aCiphertextOnlyDecryptsForItsOwnBusinessAndProvider() throws Exception {
        AeadConfig.register();
        SecretCipher cipher = SecretCipher.fromKeysetFile(write("keyset.json",
                KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM)).toString());
        UUID business = UUID.randomUUID();
        byte[] sealed = cipher.encrypt(SECRET, business, Provider.PAYSTACK);

        assertThat(cipher.decrypt(sealed, business, Provider.PAYSTACK)).isEqualTo(SECRET);
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID(), Provider.PAYSTACK));
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, business, Provider.STRIPE))
                .withMessageNotContaining(SECRET);
    }

    @Test
    void theServiceRefusesToStartWithoutAUsableKeyset() throws Exception {
        assertThatIllegalStateException().isThrownBy(() -> SecretCipher.fromKeysetFile(""))
                .withMessageContaining("SELLAVIE_COMMERCE_KEYSET_FILE");
        assertThatIllegalStateException().isThrownBy(() -> SecretCipher.fromKeysetFile(
                folder.resolve("missing.json").toString())).withMessageContaining("missing or unreadable");
        Path garbage = Files.writeString(folder.resolve("garbage.json"), "{\"not\":\"a keyset\"}");
        assertThatIllegalStateException().isThrownBy(() -> SecretCipher.fromKeysetFile(garbage.toString()))
                .withMessageContaining("not a valid Tink AEAD");
    }

    private Path write(String name, KeysetHandle keyset) throws Exception {
        return Files.writeString(folder.resolve(name),
                TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
    }

    /** Tink's ciphertext prefix: version byte 0x01, then the 4-byte id of the key that made it. */
    private static int keyIdOf(byte[] ciphertext) {
        return java.nio.ByteBuffer.wrap(ciphertext, 1, 4).getInt();
    }
}
