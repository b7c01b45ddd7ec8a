package com.sellavie.identity.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.RSAKey;
import com.sellavie.identity.support.TestKeyFiles;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SigningKeyLoaderTest {

    private static final KeyPair CURRENT = TestKeyFiles.rsa(2048);
    private static final KeyPair PREVIOUS = TestKeyFiles.rsa(2048);

    @TempDir
    Path dir;

    @Test
    void loadsAPkcs8PrivateKeyWithItsPublicHalfAndAThumbprintKeyId() throws Exception {
        Path file = TestKeyFiles.writePrivateKey(CURRENT, dir.resolve("key.pem"));

        SigningKeys keys = SigningKeyLoader.load(new TokenProperties.Jwt(file.toString(), null));

        assertThat(keys.current().isPrivate()).isTrue();
        assertThat(keys.current().toRSAPublicKey()).isEqualTo(CURRENT.getPublic());
        assertThat(keys.currentKeyId()).isEqualTo(new RSAKey.Builder((RSAPublicKey) CURRENT.getPublic()).build()
                .computeThumbprint().toString());
        assertThat(keys.publicKeys().getKeys()).hasSize(1).noneMatch(JWK::isPrivate);
    }

    @Test
    void servesThePreviousPublicKeyBesideTheCurrentOne() {
        Path current = TestKeyFiles.writePrivateKey(CURRENT, dir.resolve("key.pem"));
        Path previous = TestKeyFiles.writePublicKey(PREVIOUS, dir.resolve("previous.pem"));

        SigningKeys keys = SigningKeyLoader.load(new TokenProperties.Jwt(current.toString(), previous.toString()));

        assertThat(keys.publicKeys().getKeys()).hasSize(2).noneMatch(JWK::isPrivate);
        assertThat(keys.publicKeys().getKeys().get(1).getKeyID()).isNotEqualTo(keys.currentKeyId());
    }

    @Test
    void failsClosedWhenNoKeyIsConfigured() {
        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt("  ", null)))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("sellavie.identity.jwt.private-key-file")
                .hasMessageContaining("SELLAVIE_JWT_PRIVATE_KEY_FILE")
                .hasMessageNotContaining("\n")
                .satisfies(e -> assertThat(((SigningKeyException) e).fix()).contains("openssl genpkey"));
    }

    @Test
    void failsClosedWhenTheFileIsMissing() {
        String missing = dir.resolve("nowhere.pem").toString();

        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt(missing, null)))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("Cannot read " + missing);
    }

    @Test
    void refusesAPkcs1KeyAndSaysHowToConvertIt() {
        Path file = TestKeyFiles.write(dir.resolve("rsa.pem"), "RSA PRIVATE KEY", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt(file.toString(), null)))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("not an unencrypted PKCS#8")
                .satisfies(e -> assertThat(((SigningKeyException) e).fix()).contains("openssl pkcs8 -topk8"));
    }

    @Test
    void refusesAFileThatIsNotPem() {
        Path file = TestKeyFiles.write(dir.resolve("junk.pem"), "PRIVATE KEY", new byte[] {1, 2, 3});

        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt(file.toString(), null)))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("not an RSA PKCS#8 private key");
    }

    @Test
    void refusesKeysShorterThan2048Bits() {
        Path file = TestKeyFiles.writePrivateKey(TestKeyFiles.rsa(1024), dir.resolve("weak.pem"));

        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt(file.toString(), null)))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("1024 bits; at least 2048");
    }

    @Test
    void refusesThePreviousKeyBeingTheCurrentOne() {
        Path current = TestKeyFiles.writePrivateKey(CURRENT, dir.resolve("key.pem"));
        Path same = TestKeyFiles.writePublicKey(CURRENT, dir.resolve("same.pem"));

        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt(current.toString(), same.toString())))
                .isInstanceOf(SigningKeyException.class)
                .hasMessageContaining("current signing key's own public half");
    }

    @Test
    void neverPutsKeyMaterialInItsMessages() {
        Path file = TestKeyFiles.writePrivateKey(TestKeyFiles.rsa(1024), dir.resolve("weak.pem"));

        assertThatThrownBy(() -> SigningKeyLoader.load(new TokenProperties.Jwt(file.toString(), null)))
                .hasMessageNotContaining("BEGIN").hasMessageNotContaining("MII");
    }
}
