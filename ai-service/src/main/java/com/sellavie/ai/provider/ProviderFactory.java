package com.sellavie.ai.provider;

import com.sellavie.ai.provider.anthropic.AnthropicProvider;
import com.sellavie.ai.provider.ollama.OllamaProvider;
import com.sellavie.ai.provider.openai.OpenAiCompatibleProvider;
import io.micrometer.observation.ObservationRegistry;

/**
 * Builds one guarded provider from (name, kind, base URL, model, key): the only place that knows
 * which class speaks which API. Per-business settings build theirs through it too.
 */
public final class ProviderFactory {

    private final ProviderGuards guards;
    private final ObservationRegistry observations;

    public ProviderFactory(ProviderGuards guards, ObservationRegistry observations) {
        this.guards = guards;
        this.observations = observations;
    }

    /**
     * @throws IllegalStateException a hosted API without a key, or an unknown Ollama API flavour
     */
    public ChatProvider create(String name, ProviderEndpoint endpoint) {
        return guards.guard(unguarded(name, endpoint), endpoint.keyId());
    }

    /**
     * The provider without breaker nor concurrency limit, for one probe call ("test this key"): a
     * merchant checking a key must reach the provider even while that key's breaker is open.
     */
    public ChatProvider probe(String name, ProviderEndpoint endpoint) {
        return unguarded(name, endpoint);
    }

    private ChatProvider unguarded(String name, ProviderEndpoint endpoint) {
        return switch (endpoint.kind()) {
            case OPENAI, GROQ -> new OpenAiCompatibleProvider(name, keyed(name, endpoint), observations);
            case ANTHROPIC -> new AnthropicProvider(name, keyed(name, endpoint), observations);
            case OLLAMA -> switch (endpoint.api()) {
                case "native" -> new OllamaProvider(name, endpoint, observations);
                case "openai" -> new OpenAiCompatibleProvider(name, endpoint, observations);
                default -> throw new IllegalStateException("AI provider " + name + ": api '" + endpoint.api()
                        + "' is neither native nor openai");
            };
        };
    }

    private static ProviderEndpoint keyed(String name, ProviderEndpoint endpoint) {
        if (!endpoint.hasKey()) {
            throw new IllegalStateException("AI provider " + name + " is in sellavie.ai.providers but has no API key "
                    + "(sellavie.ai.endpoints." + name + ".api-key)");
        }
        return endpoint;
    }
}
