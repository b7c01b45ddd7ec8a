package com.sellavie.commerce.support;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A fresh Tink keyset file and the service token, one of each per test JVM. */
public class CommerceTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    /** What other services present on /internal/** (Authorization: Bearer ...). */
    public static final String SERVICE_TOKEN = "test-service-token-0123456789abcdef";
    public static final String PUBLIC_BASE_URL = "https://sellavie.example";
    private static final Path KEYSET = writeKeyset();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("commerce-test", Map.of(
                "sellavie.commerce.encryption.keyset-file", KEYSET.toString(),
                "sellavie.commerce.payments.public-base-url", PUBLIC_BASE_URL,
                "sellavie.internal.token", SERVICE_TOKEN)));
    }

    public static Path keysetFile() {
        return KEYSET;
    }

    private static Path writeKeyset() {
        try {
            AeadConfig.register();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Path file = Files.createTempFile("commerce-keyset", ".json");
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            file.toFile().deleteOnExit();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("Could not generate the test keyset", e);
        }
    }
}
