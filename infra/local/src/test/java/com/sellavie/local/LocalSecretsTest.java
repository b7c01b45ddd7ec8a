package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {

    @TempDir
    Path folder;

    @Test
    void secretsAreGeneratedOnceOwnerOnlyAndReusedAfterwards() throws Exception {
        LocalSecrets first = new LocalSecrets(folder, Map.of());
        String appSecret = first.metaAppSecret();
        String verifyToken = first.metaVerifyToken();
        Path key = first.jwtPrivateKeyFile();
        Path keyset = first.conversationKeysetFile();
        String dbPassword = first.databasePassword("sellavie_identity");
        String opsToken = first.opsToken();
        String internalToken = first.internalToken();
        String keyBefore = Files.readString(key);

        LocalSecrets second = new LocalSecrets(folder, Map.of());

        assertThat(second.metaAppSecret()).isEqualTo(appSecret).hasSize(64);
        assertThat(second.metaVerifyToken()).isEqualTo(verifyToken).isNotEqualTo(appSecret);
        assertThat(Files.readString(second.jwtPrivateKeyFile())).isEqualTo(keyBefore);
        assertThat(second.conversationKeysetFile()).isEqualTo(keyset);
        assertThat(second.databasePassword("sellavie_identity")).isEqualTo(dbPassword);
        assertThat(second.opsToken()).isEqualTo(opsToken).hasSize(64).isNotEqualTo(appSecret);
        assertThat(second.internalToken()).isEqualTo(internalToken).hasSize(64).isNotEqualTo(opsToken);
        try (var files = Files.list(folder)) {
            assertThat(files.toList()).isNotEmpty().allSatisfy(file ->
                    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(SecretFile.OWNER_ONLY));
        }
    }

    @Test
    void eachDataFolderCountsRequestsInRedisUnderItsOwnKeysAndKeepsThem(@TempDir Path otherFolder) {
        String namespace = new LocalSecrets(folder, Map.of()).redisNamespace();

        Map<String, String> prefixes = LocalStack.counterKeyPrefixes(namespace);
        Map<String, String> again = LocalStack.counterKeyPrefixes(new LocalSecrets(folder, Map.of()).redisNamespace());
        Map<String, String> otherStack = LocalStack.counterKeyPrefixes(new LocalSecrets(otherFolder, Map.of()).redisNamespace());

        assertThat(namespace).matches("[0-9a-f]{16}");
        assertThat(prefixes).containsOnlyKeys("SELLAVIE_EMAIL_THROTTLE_KEYPREFIX", "SELLAVIE_GATEWAY_RATELIMIT_KEYPREFIX")
                .allSatisfy((name, prefix) -> assertThat(prefix).startsWith("sellavie:" + namespace + ":"));
        // a restart of the same stack keeps its counts; another stack (a test run's, a fresh folder's) has its own
        assertThat(again).isEqualTo(prefixes);
        assertThat(otherStack.get("SELLAVIE_EMAIL_THROTTLE_KEYPREFIX"))
                .isNotEqualTo(prefixes.get("SELLAVIE_EMAIL_THROTTLE_KEYPREFIX"));
        assertThat(otherStack.get("SELLAVIE_GATEWAY_RATELIMIT_KEYPREFIX"))
                .isNotEqualTo(prefixes.get("SELLAVIE_GATEWAY_RATELIMIT_KEYPREFIX"));
    }

    @Test
    void jwtKeyIsAnRsa2048Pkcs8PemAndKeysetIsATinkAeadKeyset() throws Exception {
        LocalSecrets secrets = new LocalSecrets(folder, Map.of());

        String pem = Files.readString(secrets.jwtPrivateKeyFile());
        byte[] der = Base64.getMimeDecoder().decode(pem.replace("-----BEGIN PRIVATE KEY-----", "")
                .replace("-----END PRIVATE KEY-----", ""));
        var key = (RSAPrivateCrtKey) KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
        assertThat(key.getModulus().bitLength()).isEqualTo(2048);

        AeadConfig.register();
        Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(Files.readString(secrets.conversationKeysetFile()),
                InsecureSecretKeyAccess.get()).getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] sealed = aead.encrypt("token".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(new String(aead.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("token");
    }

    @Test
    void identityGetsItsOwnTotpKeysetKeptAcrossStarts() throws Exception {
        LocalSecrets first = new LocalSecrets(folder, Map.of());
        Path keyset = first.identityKeysetFile();
        String content = Files.readString(keyset);

        assertThat(keyset).isNotEqualTo(first.conversationKeysetFile());
        assertThat(Files.getPosixFilePermissions(keyset)).isEqualTo(SecretFile.OWNER_ONLY);
        assertThat(Files.readString(new LocalSecrets(folder, Map.of()).identityKeysetFile())).isEqualTo(content);
        AeadConfig.register();
        Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(content, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] sealed = aead.encrypt("secret".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(new String(aead.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("secret");
        assertThat(new LocalSecrets(folder, Map.of("SELLAVIE_IDENTITY_KEYSET_FILE", "/etc/sellavie/identity.json"))
                .identityKeysetFile()).isEqualTo(Path.of("/etc/sellavie/identity.json"));
    }

    @Test
    void theEmailLinkKeysetIsGeneratedOnceAndKeptAcrossStarts() throws Exception {
        String keyset = new LocalSecrets(folder, Map.of()).emailLinkKeyset();

        assertThat(new LocalSecrets(folder, Map.of()).emailLinkKeyset()).isEqualTo(keyset);
        assertThat(Files.getPosixFilePermissions(folder.resolve("email-link-keyset.json")))
                .isEqualTo(SecretFile.OWNER_ONLY);
        AeadConfig.register();
        Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] sealed = aead.encrypt("link".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(new String(aead.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("link");
        assertThat(new LocalSecrets(folder, Map.of("SELLAVIE_EMAIL_LINK_KEYSET", "{\"from\":\"env\"}"))
                .emailLinkKeyset()).isEqualTo("{\"from\":\"env\"}");
    }

    @Test
    void aiServiceGetsItsOwnKeysetKeptAcrossStarts() throws Exception {
        String keyset = new LocalSecrets(folder, Map.of()).aiKeyset();

        assertThat(new LocalSecrets(folder, Map.of()).aiKeyset()).isEqualTo(keyset)
                .isNotEqualTo(new LocalSecrets(folder, Map.of()).emailLinkKeyset());
        assertThat(Files.getPosixFilePermissions(folder.resolve("ai-keyset.json"))).isEqualTo(SecretFile.OWNER_ONLY);
        AeadConfig.register();
        Aead aead = TinkJsonProtoKeysetFormat.parseKeyset(keyset, InsecureSecretKeyAccess.get())
                .getPrimitive(RegistryConfiguration.get(), Aead.class);
        byte[] sealed = aead.encrypt("sk-key".getBytes(StandardCharsets.UTF_8), new byte[0]);
        assertThat(new String(aead.decrypt(sealed, new byte[0]), StandardCharsets.UTF_8)).isEqualTo("sk-key");
        assertThat(new LocalSecrets(folder, Map.of("SELLAVIE_AI_KEYSET", "{\"from\":\"env\"}")).aiKeyset())
                .isEqualTo("{\"from\":\"env\"}");
    }

    @Test
    void valuesSetInTheEnvironmentWinAndNothingIsGeneratedForThem() throws Exception {
        LocalSecrets secrets = new LocalSecrets(folder, Map.of("SELLAVIE_META_APP_SECRET", "from-env",
                "SELLAVIE_JWT_PRIVATE_KEY_FILE", "/etc/sellavie/key.pem", "SELLAVIE_OPS_TOKEN", "ops-from-env", "SELLAVIE_INTERNAL_TOKEN", "internal-from-env"));

        assertThat(secrets.metaAppSecret()).isEqualTo("from-env");
        assertThat(secrets.opsToken()).isEqualTo("ops-from-env");
        assertThat(folder.resolve("ops-token")).doesNotExist();
        assertThat(secrets.internalToken()).isEqualTo("internal-from-env");
        assertThat(folder.resolve("internal-token")).doesNotExist();
        assertThat(secrets.jwtPrivateKeyFile()).isEqualTo(Path.of("/etc/sellavie/key.pem"));
        assertThat(folder.resolve("meta-app-secret")).doesNotExist();
        assertThat(folder.resolve("jwt-signing-key.pem")).doesNotExist();
    }
}
