package com.sellavie.ai.provider;

import com.sellavie.ai.provider.openai.OpenAiCompatibleSettings;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.ai.*}: which providers answer, in which order.
 *
 * @param providers        provider names, first tried first: {@code offline} or a key of
 *                         {@code openaiCompatible} (e.g. {@code openai,offline})
 * @param openaiCompatible OpenAI-shaped endpoints by name ({@code openai}, {@code groq}); only those
 *                         named in {@code providers} are built (and need a key)
 */
@ConfigurationProperties("sellavie.ai")
public record AiProviderProperties(List<String> providers, Map<String, OpenAiCompatibleSettings> openaiCompatible) {

    public AiProviderProperties {
        providers = providers == null || providers.isEmpty() ? List.of("offline") : List.copyOf(providers);
        openaiCompatible = openaiCompatible == null ? Map.of() : Map.copyOf(openaiCompatible);
    }
}
