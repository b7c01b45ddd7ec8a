package com.sellavie.ai.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sellavie.ai.support.TestKeyset;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class KeyCipherTest {

    private final KeyCipher cipher = KeyCipher.fromKeyset(TestKeyset.keyset());

    @Test
    void aKeyDecryptsOnlyForTheBusinessItWasEncryptedFor() {
        UUID business = UUID.randomUUID();
        byte[] sealed = cipher.encrypt("sk-live-0123456789abcdef", business);

        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("0123456789abcdef");
        assertThat(cipher.decrypt(sealed, business)).isEqualTo("sk-live-0123456789abcdef");
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(sealed, UUID.randomUUID()))
                .withMessageNotContaining("sk-live");
    }

    @Test
    void withoutAValidKeysetTheServiceDoesNotStartAndTheCauseNamesTheVariable() {
        assertThatIllegalStateException().isThrownBy(() -> KeyCipher.fromKeyset(" "))
                .withMessageContaining("SELLAVIE_AI_KEYSET");
        assertThatIllegalStateException().isThrownBy(() -> KeyCipher.fromKeyset("{\"key\": \"secret-material\"}"))
                .withMessageContaining("SELLAVIE_AI_KEYSET").withMessageNotContaining("secret-material");
    }

    @Test
    void theMaskShowsThreeFirstAndFourLastCharactersOfALongKeyOnly() {
        assertThat(KeyMask.mask("sk-proj-0123456789abcdef1a2b")).isEqualTo("sk-…1a2b");
        assertThat(KeyMask.mask("short-key-12345")).isEqualTo("…");
        assertThat(KeyMask.looksMasked("sk-…1a2b")).isTrue();
        assertThat(KeyMask.looksMasked("sk-proj-0123")).isFalse();
    }
}
