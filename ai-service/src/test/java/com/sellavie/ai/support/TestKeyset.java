package com.sellavie.ai.support;

import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.TinkJsonProtoKeysetFormat;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.PredefinedAeadParameters;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/** A fresh Tink AEAD keyset per test JVM as {@code sellavie.ai.keyset} (the service refuses to start without one). */
public class TestKeyset implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String KEYSET = generate();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ai-test-keyset",
                Map.of("sellavie.ai.keyset", KEYSET)));
    }

    public static String keyset() {
        return KEYSET;
    }

    private static String generate() {
        try {
            AeadConfig.register();
            return TinkJsonProtoKeysetFormat.serializeKeyset(
                    KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM), InsecureSecretKeyAccess.get());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not generate the test keyset", e);
        }
    }
}
