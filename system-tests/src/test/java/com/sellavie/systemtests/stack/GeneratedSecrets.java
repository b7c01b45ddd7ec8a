package com.sellavie.systemtests.stack;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.stream.Stream;

/**
 * Secrets made fresh for one test run, kept in a private temporary folder that is deleted when the
 * stack stops: the Meta app secret and verify token, identity's JWT signing key (PKCS#8 PEM RSA)
 * conversation-service's channel-token keyset, commerce-service's payment-secret keyset and
 * identity-service's TOTP-secret keyset (Tink JSON), the account emails' link keyset, ai-service's keyset for businesses' provider keys, and the service token every service presents to another's {@code /internal/**}.
 */
public final class GeneratedSecrets implements AutoCloseable {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path folder;
    private final String metaAppSecret;
    private final String metaVerifyToken;
    private final Path jwtPrivateKeyFile;
    private final Path conversationKeysetFile;
    private final Path commerceKeysetFile;
    private final Path identityKeysetFile;
    private final String emailLinkKeyset;
    private final String aiKeyset;
    private final String internalToken;

    private GeneratedSecrets(Path folder) throws IOException, GeneralSecurityException {
        this.folder = folder;
        this.metaAppSecret = randomHex(32);
        this.metaVerifyToken = randomHex(16);
        this.jwtPrivateKeyFile = writePrivate(folder.resolve("jwt-signing-key.pem"), rsaPrivateKeyPem());
        this.conversationKeysetFile = writePrivate(folder.resolve("conversation-keyset.json"), aeadKeyset());
        this.commerceKeysetFile = writePrivate(folder.resolve("commerce-keyset.json"), aeadKeyset());
        this.identityKeysetFile = writePrivate(folder.resolve("identity-keyset.json"), aeadKeyset());
        this.emailLinkKeyset = aeadKeyset();
        this.aiKeyset = aeadKeyset();
        this.internalToken = randomHex(32);
    }

    static GeneratedSecrets create() {
        try {
            Path folder = Files.createTempDirectory("sellavie-system-test-secrets-",
                    PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
            return new GeneratedSecrets(folder);
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the test secrets", e);
        }
    }

    public String metaAppSecret() {
        return metaAppSecret;
    }

    public String metaVerifyToken() {
        return metaVerifyToken;
    }

    Path jwtPrivateKeyFile() {
        return jwtPrivateKeyFile;
    }

    Path conversationKeysetFile() {
        return conversationKeysetFile;
    }

    Path commerceKeysetFile() {
        return commerceKeysetFile;
    }

    /** identity-service's TOTP-secret keyset (SELLAVIE_IDENTITY_KEYSET_FILE). */
    Path identityKeysetFile() {
        return identityKeysetFile;
    }

    /** The keyset (Tink JSON) of account emails' action links (SELLAVIE_EMAIL_LINK_KEYSET): identity and notification. */
    public String emailLinkKeyset() {
        return emailLinkKeyset;
    }

    /** ai-service's keyset (Tink JSON) for businesses' own provider keys (SELLAVIE_AI_KEYSET). */
    public String aiKeyset() {
        return aiKeyset;
    }

    /** The service token (SELLAVIE_INTERNAL_TOKEN) every service of the stack shares. */
    public String internalToken() {
        return internalToken;
    }

    static String randomHex(int bytes) {
        byte[] value = new byte[bytes];
        RANDOM.nextBytes(value);
        return HexFormat.of().formatHex(value);
    }

    private static String rsaPrivateKeyPem() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        byte[] pkcs8 = generator.generateKeyPair().getPrivate().getEncoded();
        return "-----BEGIN PRIVATE KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pkcs8)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static String aeadKeyset() throws GeneralSecurityException {
        AeadConfig.register();
        KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
        return TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get());
    }

    private static Path writePrivate(Path file, String content) throws IOException {
        Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) {
                Files.deleteIfExists(file);
            }
            Files.deleteIfExists(folder);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
