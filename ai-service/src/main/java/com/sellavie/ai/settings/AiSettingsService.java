package com.sellavie.ai.settings;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.provider.AiProviderProperties;
import com.sellavie.ai.provider.BusinessChains;
import com.sellavie.ai.provider.ChatProvider;
import com.sellavie.ai.provider.DeploymentEndpoints;
import com.sellavie.ai.provider.FailureCause;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.ProviderException;
import com.sellavie.ai.provider.ProviderFactory;
import com.sellavie.ai.provider.Reply;
import com.sellavie.ai.provider.offline.OfflineProvider;
import com.sellavie.platform.tenancy.TenantContext;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The business's AI settings: read (keys masked), replaced whole (validated first: nothing is
 * written when a field is wrong), a key tested with one tiny call, and read for a reply (keys
 * decrypted). Always the current tenant's, under row-level tenancy.
 */
@Service
public class AiSettingsService {

    private static final Logger log = LoggerFactory.getLogger(AiSettingsService.class);
    /** A probe's answer needs a word, not a reply: the cheapest call the provider takes. */
    private static final int PROBE_TOKENS = 16;

    private final AiSettingsRepository settings;
    private final DeploymentEndpoints endpoints;
    private final AiProviderProperties deployment;
    private final ProviderFactory factory;
    private final KeyCipher cipher;
    private final Clock clock;
    private final ReplySettingsCache replySettings;

    AiSettingsService(AiSettingsRepository settings, DeploymentEndpoints endpoints, AiProviderProperties deployment,
            ProviderFactory factory, KeyCipher cipher, Clock clock, JdbcTemplate jdbc) {
        this.settings = settings;
        this.replySettings = new ReplySettingsCache(jdbc);
        this.endpoints = endpoints;
        this.deployment = deployment;
        this.factory = factory;
        this.cipher = cipher;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    AiSettingsView current() {
        return view(settings.findById(TenantContext.requireBusinessId()));
    }

    @Transactional
    AiSettingsView replace(AiSettingsRequest request) {
        UUID businessId = TenantContext.requireBusinessId();
        Optional<AiSettings> stored = settings.findById(businessId);
        AiSettingsChange change = AiSettingsValidator.validate(request, stored, businessId, endpoints, cipher);
        AiSettings updated = stored.orElseGet(() -> AiSettings.first(businessId));
        // Microseconds, as PostgreSQL keeps them: the answer equals a later read.
        updated.replace(change, clock.instant().truncatedTo(ChronoUnit.MICROS));
        AiSettings saved = settings.save(updated);
        log.info("AI settings of business {} saved: providers {}, own keys for {}", businessId,
                saved.providers().stream().map(ProviderChoice::name).toList(),
                saved.providers().stream().filter(ProviderChoice::ownKey).map(ProviderChoice::name).toList());
        return view(Optional.of(saved));
    }

    /**
     * One tiny call to the provider with that key and model, holding no transaction (the call may take
     * the endpoint's whole timeout). Not through the breaker: a merchant checking a key must reach the
     * provider even while that key's breaker is open.
     */
    @Transactional(propagation = Propagation.NEVER)
    KeyTestResult testKey(KeyTestRequest request) {
        UUID businessId = TenantContext.requireBusinessId();
        ProviderEndpoint endpoint = AiSettingsValidator.keyTest(request, settings.findById(businessId), businessId,
                endpoints, cipher);
        String name = request.name().strip();
        ProviderEndpoint probe = endpoint.forBusiness(null, null, PROBE_TOKENS, null);
        ChatProvider provider = factory.probe(name, probe);
        KeyTestResult result;
        try {
            Reply reply = provider.complete(probePrompt(businessId));
            result = new KeyTestResult(true, name, reply.model(), null, 0, "The provider answered with this key and model.");
        } catch (ProviderException e) {
            result = new KeyTestResult(false, name, probe.model(), e.failureCause().tag(), e.status(),
                    explain(e.failureCause(), e.status(), probe));
        } catch (RuntimeException e) {
            result = new KeyTestResult(false, name, probe.model(), FailureCause.MALFORMED.tag(), 0,
                    explain(FailureCause.MALFORMED, 0, probe));
        }
        log.info("Key test of AI provider {} (key {}) for business {}: {}", name, probe.keyId(), businessId,
                result.ok() ? "ok" : result.cause());
        return result;
    }

    /**
     * The business's settings for a reply, keys decrypted; empty when it saved none (the deployment's
     * chain answers). Built again only when the business saved since ({@link ReplySettingsCache}). Runs in the
     * caller's transaction, as the business.
     */
    public Optional<ReplySettings> forReplies(UUID businessId) {
        return replySettings.get(businessId, () -> settings.findById(businessId), this::forReplies);
    }

    /** The business's monthly AI budget, if it set one (no key is decrypted). Runs as the business. */
    public Optional<Budget> budget(UUID businessId) {
        return settings.findById(businessId).flatMap(AiSettings::budget);
    }

    /** The language every reply of the business is in, when it fixed one (no key is decrypted). */
    public Optional<String> fixedLanguage(UUID businessId) {
        return settings.findById(businessId).filter(s -> s.languagePolicy() == LanguagePolicy.FIXED)
                .map(AiSettings::fixedLanguage);
    }

    private ReplySettings forReplies(AiSettings stored) {
        Double temperature = stored.temperature() == null ? null : stored.temperature().doubleValue();
        List<BusinessChains.Link> links = stored.providers().stream().flatMap(choice -> {
            if (OfflineProvider.NAME.equals(choice.name())) {
                return Stream.of(BusinessChains.Link.offline());
            }
            // An endpoint the deployment no longer has is left out of the order (logged), not guessed.
            Optional<ProviderEndpoint> endpoint = endpoints.endpoint(choice.name());
            if (endpoint.isEmpty()) {
                log.warn("AI provider {} of business {} is no longer configured here; left out of its order",
                        choice.name(), stored.businessId());
                return Stream.empty();
            }
            String key = choice.ownKey() ? cipher.decrypt(choice.keyCiphertext(), stored.businessId()) : null;
            ProviderEndpoint own = endpoint.get().forBusiness(choice.model(), key, stored.maxReplyTokens(), temperature);
            if (own.needsKey() && !own.hasKey()) {
                // The deployment's key was removed since the business chose "the platform's key".
                log.warn("AI provider {} of business {} has no key any more (the platform's was removed); left out "
                        + "of its order", choice.name(), stored.businessId());
                return Stream.empty();
            }
            return Stream.of(new BusinessChains.Link(choice.name(), own));
        }).toList();
        if (links.isEmpty()) {
            links = List.of(BusinessChains.Link.offline());
        }
        return new ReplySettings(links, stored.tone(),
                stored.languagePolicy() == LanguagePolicy.FIXED ? stored.fixedLanguage() : null,
                AiChannels.KINDS.stream().filter(kind -> !stored.answersOn(kind))
                        .collect(Collectors.toSet()), stored.budget().orElse(null));
    }

    private AiSettingsView view(Optional<AiSettings> stored) {
        List<AiSettingsView.AvailableProvider> available = endpoints.names().stream().map(this::available).toList();
        if (stored.isEmpty()) {
            List<AiSettingsView.ProviderView> defaults = deployment.providers().stream().map(String::strip)
                    .map(name -> new AiSettingsView.ProviderView(name, kind(name), defaultModel(name), null, false))
                    .toList();
            return new AiSettingsView(false, defaults, null, null, null, LanguagePolicy.CUSTOMER, null, channels(null),
                    available, null, null, null, null);
        }
        AiSettings s = stored.get();
        List<AiSettingsView.ProviderView> providers = s.providers().stream()
                .map(p -> new AiSettingsView.ProviderView(p.name(), kind(p.name()),
                        p.model() != null ? p.model() : defaultModel(p.name()), p.keyHint(), p.ownKey()))
                .toList();
        BigDecimal temperature = s.temperature() == null ? null : s.temperature().stripTrailingZeros();
        Optional<Budget> budget = s.budget();
        return new AiSettingsView(true, providers, temperature, s.maxReplyTokens(), s.tone(), s.languagePolicy(),
                s.fixedLanguage(), channels(s), available, s.updatedAt(), budget.map(Budget::monthlyUsd).orElse(null),
                budget.map(Budget::onBudget).orElse(null), budget.map(Budget::cheaperModel).orElse(null));
    }

    private AiSettingsView.AvailableProvider available(String name) {
        Optional<ProviderEndpoint> endpoint = endpoints.endpoint(name);
        return new AiSettingsView.AvailableProvider(name, kind(name), defaultModel(name),
                endpoint.map(ProviderEndpoint::hasKey).orElse(false),
                endpoint.map(ProviderEndpoint::needsKey).orElse(false));
    }

    /** {@code openai}, {@code anthropic}...; {@code offline}; {@code unavailable} for an endpoint the deployment dropped. */
    private String kind(String name) {
        return endpoints.endpoint(name).map(e -> e.kind().name().toLowerCase(Locale.ROOT))
                .orElse(OfflineProvider.NAME.equals(name) ? OfflineProvider.NAME : "unavailable");
    }

    private String defaultModel(String name) {
        return endpoints.endpoint(name).map(ProviderEndpoint::model).orElse(null);
    }

    private static Map<String, Boolean> channels(AiSettings stored) {
        Map<String, Boolean> channels = new LinkedHashMap<>();
        AiChannels.KINDS.forEach(kind -> channels.put(kind, stored == null || stored.answersOn(kind)));
        return channels;
    }

    private static Prompt probePrompt(UUID businessId) {
        return new Prompt("This is a connection test. Reply with the single word: OK", List.of(), "OK?",
                new BusinessKnowledge(businessId, "connection test", List.of(), List.of()));
    }

    /** One sentence for the merchant; never the provider's own error text. */
    private static String explain(FailureCause cause, int status, ProviderEndpoint probe) {
        String http = status > 0 ? " (HTTP " + status + ")" : "";
        return switch (cause) {
            case KEY_REJECTED -> "The provider refused this key" + http + ": check that it was copied whole and is "
                    + "still active.";
            case RATE_LIMITED -> "The provider knows the key but is rate limiting it or its quota is used up" + http
                    + ".";
            case REQUEST_REJECTED -> "The provider refused the request" + http + ": check the model name ("
                    + probe.model() + ").";
            case TIMEOUT -> "The provider did not answer within " + probe.timeout().toSeconds() + " s.";
            case CONNECTION -> "The provider could not be reached.";
            case SERVER_ERROR, OVERLOADED -> "The provider is having trouble" + http + "; try again later.";
            case MALFORMED -> "The provider's answer could not be read.";
            case BREAKER_OPEN, BULKHEAD_FULL, MISCONFIGURED -> "The provider could not be called" + http + ".";
        };
    }
}
