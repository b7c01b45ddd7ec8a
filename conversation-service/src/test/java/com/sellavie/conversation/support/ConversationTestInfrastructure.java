package com.sellavie.conversation.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
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

/** A fresh Tink keyset file and a WireMock standing in for Meta's Graph API, one of each per test JVM. */
public class ConversationTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final WireMockServer GRAPH = startGraph();
    public static final String SERVICE_TOKEN = "conversation-test-service-token-" + "s".repeat(24);
    private static final Path KEYSET = writeKeyset();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("conversation-test", Map.ofEntries(
                Map.entry("sellavie.conversation.encryption.keyset-file", KEYSET.toString()),
                Map.entry("sellavie.meta.graph-url", GRAPH.baseUrl() + "/v23.0"),
                Map.entry("sellavie.meta.login.app-id", FacebookStubs.APP_ID),
                Map.entry("sellavie.meta.login.app-secret", FacebookStubs.APP_SECRET),
                Map.entry("sellavie.meta.login.redirect-uri", FacebookStubs.REDIRECT_URI),
                Map.entry("sellavie.outbound.initial-backoff", "50ms"),
                Map.entry("sellavie.outbound.max-backoff", "200ms"),
                Map.entry("sellavie.outbound.request-timeout", "2s"),
                Map.entry("sellavie.channels.graph.request-timeout", "2s"),
                Map.entry("sellavie.outbound.poll-interval", "50ms"),
                Map.entry("sellavie.outbound.instance-id", "test-instance"),
                Map.entry("sellavie.contacts.poll-interval", "200ms"),
                Map.entry("sellavie.contacts.initial-backoff", "500ms"),
                Map.entry("sellavie.kafka.retry.initial-interval", "50ms"),
                // identity's credential for GET /internal/privacy/exports/{id}
                Map.entry("sellavie.internal.token", SERVICE_TOKEN),
                // A closed console stream is noticed at its next heartbeat: soon, in tests.
                Map.entry("sellavie.live.heartbeat", "500ms"),
                Map.entry("sellavie.live.stall-timeout", "2s"))));
    }

    public static Path keysetFile() {
        return KEYSET;
    }

    private static WireMockServer startGraph() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }

    private static Path writeKeyset() {
        try {
            AeadConfig.register();
            KeysetHandle keyset = KeysetHandle.generateNew(PredefinedAeadParameters.AES256_GCM);
            Path file = Files.createTempFile("conversation-keyset", ".json");
            Files.writeString(file, TinkJsonProtoKeysetFormat.serializeKeyset(keyset, InsecureSecretKeyAccess.get()));
            file.toFile().deleteOnExit();
            return file;
        } catch (Exception e) {
            throw new IllegalStateException("Could not generate the test keyset", e);
        }
    }
}
