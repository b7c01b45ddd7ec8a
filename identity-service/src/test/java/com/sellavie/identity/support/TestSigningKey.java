package com.sellavie.identity.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;

/**
 * Gives every Spring test context of identity a signing key, as the local-stack launcher will: an RSA
 * key generated once per test JVM, written to a temporary PKCS#8 PEM file that
 * {@code sellavie.identity.jwt.private-key-file} names; and a Tink AEAD keyset for TOTP secrets
 * ({@code sellavie.identity.totp.keyset-file}) and one for emailed links ({@code sellavie.email.link-keyset}). Registered in {@code META-INF/spring.factories}.
 */
public final class TestSigningKey implements ContextCustomizerFactory {

    private static final Path FILE = generate();
    private static final Path TOTP_KEYSET = generateKeyset();
    private static final String EMAIL_LINK_KEYSET = readKeyset(generateKeyset());

    /** The email-link keyset (Tink JSON) every test context encrypts action links with. */
    public static String emailLinkKeyset() {
        return EMAIL_LINK_KEYSET;
    }

    private static String readKeyset(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The key file every test context signs with. */
    public static Path file() {
        return FILE;
    }

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        return new Customizer();
    }

    private static Path generate() {
        try {
            Path file = Files.createTempFile("identity-test-jwt-", ".pem");
            file.toFile().deleteOnExit();
            return TestKeyFiles.writePrivateKey(TestKeyFiles.rsa(2048), file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A fresh Tink AEAD keyset for the TOTP secrets ({@code sellavie.identity.totp.keyset-file}). */
    private static Path generateKeyset() {
        try {
            com.google.crypto.tink.aead.AeadConfig.register();
            Path file = Files.createTempFile("identity-test-totp-keyset-", ".json");
            file.toFile().deleteOnExit();
            return Files.writeString(file, com.google.crypto.tink.TinkJsonProtoKeysetFormat.serializeKeyset(
                    com.google.crypto.tink.KeysetHandle.generateNew(
                            com.google.crypto.tink.aead.PredefinedAeadParameters.AES256_GCM),
                    com.google.crypto.tink.InsecureSecretKeyAccess.get()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Equal to every other instance, so it never splits Spring's context cache. */
    private static final class Customizer implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("identity-test-signing-key",
                    Map.of("sellavie.identity.jwt.private-key-file", FILE.toString(),
                            "sellavie.identity.totp.keyset-file", TOTP_KEYSET.toString(),
                            "sellavie.email.link-keyset", EMAIL_LINK_KEYSET)));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Customizer;
        }

        @Override
        public int hashCode() {
            return Customizer.class.hashCode();
        }
    }
}
