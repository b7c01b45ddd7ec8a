package com.sellavie.ai.reply;

import com.sellavie.ai.provider.AiProviderProperties;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderFactory;
import com.sellavie.ai.provider.ProviderGuards;
import com.sellavie.ai.provider.ProviderKind;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The real providers the golden set also runs against: one per API key found in the environment
 * ({@code OPENAI_API_KEY}, {@code ANTHROPIC_API_KEY}, {@code GROQ_API_KEY}), each with the model the
 * deployment defaults to (application.yml), built the way ai-service builds them (ProviderFactory, with
 * its guards), temperature 0 so that a run is as repeatable as the API allows.
 */
final class GoldenProviders {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private GoldenProviders() {
    }

    static List<ChatProvider> fromEnvironment() {
        ProviderFactory factory = new ProviderFactory(new ProviderGuards(new AiProviderProperties.Resilience(0, 0, 0,
                null, null, 0, null), new SimpleMeterRegistry()), ObservationRegistry.NOOP);
        List<ChatProvider> providers = new ArrayList<>();
        add(providers, factory, "openai", ProviderKind.OPENAI, "OPENAI_API_KEY", "https://api.openai.com", "gpt-4o-mini");
        add(providers, factory, "anthropic", ProviderKind.ANTHROPIC, "ANTHROPIC_API_KEY", "https://api.anthropic.com",
                "claude-haiku-4-5");
        add(providers, factory, "groq", ProviderKind.GROQ, "GROQ_API_KEY", "https://api.groq.com/openai",
                "llama-3.3-70b-versatile");
        return providers;
    }

    private static void add(List<ChatProvider> providers, ProviderFactory factory, String name, ProviderKind kind,
            String keyVariable, String baseUrl, String model) {
        String key = System.getenv(keyVariable);
        if (key != null && !key.isBlank()) {
            providers.add(factory.create(name, new ProviderEndpoint(kind, baseUrl, key, model, TIMEOUT, 400, null, 0.0)));
        }
    }
}
