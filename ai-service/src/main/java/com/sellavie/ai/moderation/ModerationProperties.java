package com.sellavie.ai.moderation;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sellavie.ai.moderation.*}.
 *
 * @param provider {@code auto} (OpenAI's moderation API when the {@code openai} endpoint is in the provider
 *                 chain with a key, the rules otherwise), {@code openai} (the {@code openai} endpoint's
 *                 base URL and key; the rules when it has no key) or {@code rules}
 * @param model    OpenAI's moderation model
 * @param timeout  per moderation call; past it (or on any failure) the rules judge instead
 */
@ConfigurationProperties("sellavie.ai.moderation")
public record ModerationProperties(@DefaultValue("auto") String provider,
        @DefaultValue("omni-moderation-latest") String model, @DefaultValue("3s") Duration timeout) {
}
