package com.sellavie.notification.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import com.sellavie.notification.TestMail;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class LinkCipherTest {

    @Test
    void withoutAKeysetTheServiceRefusesToStartNamingTheVariable() {
        assertThatIllegalStateException().isThrownBy(() -> LinkCipher.fromKeyset(" "))
                .withMessageContaining("SELLAVIE_EMAIL_LINK_KEYSET");
    }

    @Test
    void aKeysetThatIsNotOneIsRefusedWithoutQuotingIt() {
        assertThatIllegalStateException().isThrownBy(() -> LinkCipher.fromKeyset("{\"primaryKeyId\": \"s3cr3t\"}"))
                .withMessageContaining("not a valid Tink JSON AEAD keyset").withMessageNotContaining("s3cr3t");
    }

    @Test
    void decryptsWhatIdentityEncryptedForTheSameEmailOnly() {
        LinkCipher cipher = LinkCipher.fromKeyset(TestMail.keyset());
        UUID emailId = UUID.randomUUID();
        String ciphertext = TestMail.encryptLink("https://c.example/verify-email?token=t", emailId);

        assertThat(cipher.decrypt(ciphertext, emailId)).isEqualTo("https://c.example/verify-email?token=t");
        assertThatExceptionOfType(UndeliverableEmailException.class)
                .isThrownBy(() -> cipher.decrypt(ciphertext, UUID.randomUUID()));
        assertThatExceptionOfType(UndeliverableEmailException.class)
                .isThrownBy(() -> cipher.decrypt("***", emailId));
    }
}
