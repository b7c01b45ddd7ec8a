package com.sellavie.ai.moderation;

import com.sellavie.ai.provider.AiProviderProperties;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * Judges a customer's message before any model sees it: OpenAI's moderation API when configured
 * ({@link ModerationProperties}), the rules otherwise, and the rules too whenever the API gives no
 * answer (a moderation outage never silences the assistant nor lets a flagged message through
 * unchecked). Counts {@code sellavie.ai.moderation.flagged{category,source}} and
 * {@code sellavie.ai.moderation.unavailable}.
 */
@Component
@EnableConfigurationProperties(ModerationProperties.class)
public class MessageModeration {

    private static final Logger log = LoggerFactory.getLogger(MessageModeration.class);

    private final Optional<OpenAiModeration> openai;
    private final MeterRegistry meters;

    public MessageModeration(ModerationProperties properties, AiProviderProperties providers, MeterRegistry meters) {
        this.openai = openAi(properties, providers);
        this.meters = meters;
        log.info("Moderation of customers' messages: {}", openai.isPresent() ? "OpenAI moderation API, rules as fallback"
                : "rule-based (English, French)");
    }

    public ModerationVerdict check(String message) {
        if (message == null || message.isBlank()) {
            // A photo or a sticker: nothing to judge, and nothing to send to a moderation API.
            return ModerationVerdict.clean(RuleBasedModeration.SOURCE);
        }
        ModerationVerdict verdict = openai.map(api -> orRules(api, message)).orElseGet(() -> RuleBasedModeration.check(message));
        if (verdict.flagged()) {
            meters.counter("sellavie.ai.moderation.flagged", "category", verdict.category().label(),
                    "source", verdict.source()).increment();
        }
        return verdict;
    }

    private ModerationVerdict orRules(OpenAiModeration api, String message) {
        try {
            return api.check(message);
        } catch (OpenAiModeration.ModerationUnavailableException e) {
            meters.counter("sellavie.ai.moderation.unavailable").increment();
            log.warn("OpenAI moderation gave no answer ({}): the rules judge this message", e.getMessage());
            return RuleBasedModeration.check(message);
        }
    }

    private static Optional<OpenAiModeration> openAi(ModerationProperties properties, AiProviderProperties providers) {
        AiProviderProperties.Endpoint endpoint = providers.endpoints().get("openai");
        boolean keyed = endpoint != null && endpoint.apiKey() != null && !endpoint.apiKey().isBlank()
                && endpoint.baseUrl() != null && !endpoint.baseUrl().isBlank();
        boolean wanted = switch (properties.provider()) {
            case "openai" -> true;
            case "auto" -> providers.providers().stream().map(String::strip).anyMatch("openai"::equals);
            case "rules" -> false;
            default -> throw new IllegalStateException("sellavie.ai.moderation.provider must be auto, openai or rules, not '"
                    + properties.provider() + "'");
        };
        if (wanted && !keyed && "openai".equals(properties.provider())) {
            log.warn("sellavie.ai.moderation.provider=openai but the openai endpoint has no key: rule-based moderation");
        }
        return wanted && keyed ? Optional.of(new OpenAiModeration(endpoint.baseUrl(), endpoint.apiKey(),
                properties.model(), properties.timeout())) : Optional.empty();
    }
}
