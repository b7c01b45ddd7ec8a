package com.sellavie.ai.settings;

import com.sellavie.ai.provider.DeploymentEndpoints;
import com.sellavie.ai.provider.ProviderEndpoint;
import com.sellavie.ai.provider.offline.OfflineProvider;
import com.sellavie.ai.settings.AiSettingsRequest.ProviderRequest;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Checks a whole {@link AiSettingsRequest} against the deployment's endpoints and the stored settings,
 * and turns it into the change to store (new keys encrypted), or reports every problem at once as
 * {field: message} (e.g. {@code providers[1].apiKey}). Messages never repeat a key.
 */
final class AiSettingsValidator {

    static final int MAX_PROVIDERS = 10;
    static final int MAX_TONE = 500;
    static final int MIN_REPLY_TOKENS = 16;
    static final int MAX_REPLY_TOKENS = 4000;
    static final int MIN_KEY = 8;
    static final int MAX_KEY = 512;
    static final BigDecimal MAX_TEMPERATURE = BigDecimal.valueOf(2);
    static final BigDecimal MAX_BUDGET_USD = BigDecimal.valueOf(1_000_000);
    private static final Pattern MODEL = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._:/@+-]{0,99}");
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}");

    private final DeploymentEndpoints endpoints;
    private final Optional<AiSettings> stored;
    private final Map<String, String> errors = new LinkedHashMap<>();

    private AiSettingsValidator(DeploymentEndpoints endpoints, Optional<AiSettings> stored) {
        this.endpoints = endpoints;
        this.stored = stored;
    }

    /** The change the request describes; throws {@link InvalidSettingsException} listing every problem. */
    static AiSettingsChange validate(AiSettingsRequest request, Optional<AiSettings> stored, UUID businessId,
            DeploymentEndpoints endpoints, KeyCipher cipher) {
        AiSettingsValidator validator = new AiSettingsValidator(endpoints, stored);
        AiSettingsChange change = validator.change(request, businessId, cipher);
        if (!validator.errors.isEmpty()) {
            throw new InvalidSettingsException(validator.errors);
        }
        return change;
    }

    /**
     * The endpoint a key test calls: the provider's endpoint with the model and key to test. The key is
     * the one given, else the business's stored one, else the platform's.
     */
    static ProviderEndpoint keyTest(KeyTestRequest request, Optional<AiSettings> stored, UUID businessId,
            DeploymentEndpoints endpoints, KeyCipher cipher) {
        AiSettingsValidator validator = new AiSettingsValidator(endpoints, stored);
        if (request == null) {
            throw new InvalidSettingsException(Map.of("name", "is required"));
        }
        ProviderEndpoint endpoint = validator.hostedEndpoint("name", request.name());
        String model = validator.model("model", request.model());
        String given = validator.newKey("apiKey", request.apiKey(), stored.flatMap(s -> s.provider(request.name())));
        if (!validator.errors.isEmpty()) {
            throw new InvalidSettingsException(validator.errors);
        }
        Optional<ProviderChoice> choice = stored.flatMap(s -> s.provider(request.name()));
        String key = given != null ? given
                : choice.filter(ProviderChoice::ownKey).map(c -> cipher.decrypt(c.keyCiphertext(), businessId))
                        .orElse(null);
        if (model == null) {
            model = choice.map(ProviderChoice::model).orElse(null);
        }
        ProviderEndpoint tested = endpoint.forBusiness(model, key, null, null);
        if (tested.needsKey() && !tested.hasKey()) {
            throw new InvalidSettingsException(Map.of("apiKey", "give the key to test: this deployment has no key for "
                    + request.name() + " and none is stored"));
        }
        return tested;
    }

    private AiSettingsChange change(AiSettingsRequest request, UUID businessId, KeyCipher cipher) {
        if (request == null) {
            errors.put("providers", "is required (at least one provider)");
            return null;
        }
        List<ProviderChoice> providers = providers(request.providers(), businessId, cipher);
        BigDecimal temperature = temperature(request.temperature());
        Integer maxReplyTokens = request.maxReplyTokens();
        if (maxReplyTokens != null && (maxReplyTokens < MIN_REPLY_TOKENS || maxReplyTokens > MAX_REPLY_TOKENS)) {
            errors.put("maxReplyTokens", "must be from " + MIN_REPLY_TOKENS + " to " + MAX_REPLY_TOKENS + " tokens");
        }
        String tone = tone(request.tone());
        LanguagePolicy policy = policy(request.languagePolicy());
        String fixedLanguage = policy == LanguagePolicy.FIXED ? language(request.fixedLanguage()) : null;
        Set<String> channelsOff = channelsOff(request.channels());
        Optional<Budget> budget = budget(request, providers);
        return new AiSettingsChange(providers, temperature, maxReplyTokens, tone, policy, fixedLanguage, channelsOff,
                budget);
    }

    private List<ProviderChoice> providers(List<ProviderRequest> requested, UUID businessId, KeyCipher cipher) {
        if (requested == null || requested.isEmpty()) {
            errors.put("providers", "is required (at least one provider)");
            return List.of();
        }
        if (requested.size() > MAX_PROVIDERS) {
            errors.put("providers", "must have at most " + MAX_PROVIDERS + " providers");
            return List.of();
        }
        List<ProviderChoice> choices = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String at = "providers[" + i + "]";
            ProviderRequest entry = requested.get(i);
            if (entry == null) {
                errors.put(at, "must not be null");
                continue;
            }
            if (entry.name() != null && !names.add(entry.name().strip())) {
                errors.put(at + ".name", "is already in the order");
                continue;
            }
            ProviderChoice choice = provider(at, entry, businessId, cipher);
            if (choice != null) {
                choices.add(choice);
            }
        }
        return choices;
    }

    private ProviderChoice provider(String at, ProviderRequest entry, UUID businessId, KeyCipher cipher) {
        String name = entry.name() == null ? null : entry.name().strip();
        if (OfflineProvider.NAME.equals(name)) {
            if (entry.model() != null && !entry.model().isBlank()) {
                errors.put(at + ".model", "offline has no model");
            }
            if (entry.apiKey() != null && !entry.apiKey().isBlank()) {
                errors.put(at + ".apiKey", "offline needs no key");
            }
            return new ProviderChoice(name, null, null, null);
        }
        ProviderEndpoint endpoint = hostedEndpoint(at + ".name", name);
        String model = model(at + ".model", entry.model());
        Optional<ProviderChoice> before = stored.flatMap(s -> s.provider(name));
        boolean clear = Boolean.TRUE.equals(entry.clearKey());
        String newKey = newKey(at + ".apiKey", entry.apiKey(), before);
        if (endpoint == null || errors.containsKey(at + ".apiKey")) {
            return null;
        }
        if (clear && newKey != null) {
            errors.put(at + ".apiKey", "give a new key or clear the stored one, not both");
            return null;
        }
        if (newKey != null) {
            return new ProviderChoice(name, model, cipher.encrypt(newKey, businessId), KeyMask.mask(newKey));
        }
        Optional<ProviderChoice> kept = clear ? Optional.empty() : before.filter(ProviderChoice::ownKey);
        if (kept.isEmpty() && endpoint.needsKey() && !endpoint.hasKey()) {
            errors.put(at + ".apiKey", "this deployment has no key for " + name + ": give your own");
            return null;
        }
        return new ProviderChoice(name, model, kept.map(ProviderChoice::keyCiphertext).orElse(null),
                kept.map(ProviderChoice::keyHint).orElse(null));
    }

    /** The deployment's endpoint of that name (offline has none), or null with an error recorded. */
    private ProviderEndpoint hostedEndpoint(String field, String name) {
        if (name == null || name.isBlank()) {
            errors.put(field, "is required");
            return null;
        }
        Optional<ProviderEndpoint> endpoint = endpoints.endpoint(name.strip());
        if (endpoint.isEmpty()) {
            errors.put(field, OfflineProvider.NAME.equals(name.strip()) ? "offline has no key to test"
                    : "is not a provider of this deployment; use one of " + endpoints.names());
            return null;
        }
        return endpoint.get();
    }

    /** The model, null for the endpoint's; an error for a name no API would take. */
    private String model(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String model = value.strip();
        if (!MODEL.matcher(model).matches()) {
            errors.put(field, "must be a model name (letters, digits and . _ : / @ + -, at most 100 characters)");
            return null;
        }
        return model;
    }

    /**
     * A new key, or null to keep what is stored: absent, blank, or the masked key this business was
     * shown. Any other masked-looking value is refused (it would be stored as the key).
     */
    private String newKey(String field, String value, Optional<ProviderChoice> before) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String key = value.strip();
        if (KeyMask.looksMasked(key)) {
            if (before.map(ProviderChoice::keyHint).filter(key::equals).isPresent()) {
                return null;
            }
            errors.put(field, "is a masked key; type the whole key, or leave the field unchanged to keep the stored one");
            return null;
        }
        if (key.length() < MIN_KEY || key.length() > MAX_KEY) {
            errors.put(field, "must be " + MIN_KEY + " to " + MAX_KEY + " characters");
            return null;
        }
        if (key.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            errors.put(field, "must not contain spaces or control characters");
            return null;
        }
        return key;
    }

    private BigDecimal temperature(BigDecimal value) {
        if (value == null) {
            return null;
        }
        if (value.signum() < 0 || value.compareTo(MAX_TEMPERATURE) > 0) {
            errors.put("temperature", "must be from 0 to 2");
            return null;
        }
        return value.setScale(2, RoundingMode.HALF_UP);
    }

    private String tone(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String tone = value.strip();
        if (tone.length() > MAX_TONE) {
            errors.put("tone", "must be at most " + MAX_TONE + " characters");
            return null;
        }
        if (tone.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            errors.put("tone", "must not contain control characters");
            return null;
        }
        return tone;
    }

    private LanguagePolicy policy(String value) {
        if (value == null || value.isBlank()) {
            return LanguagePolicy.CUSTOMER;
        }
        try {
            return LanguagePolicy.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("languagePolicy", "must be CUSTOMER or FIXED");
            return LanguagePolicy.CUSTOMER;
        }
    }

    private String language(String value) {
        if (value == null || value.isBlank()) {
            errors.put("fixedLanguage", "is required when the language is fixed (e.g. fr, en, pt-BR)");
            return null;
        }
        String tag = value.strip();
        Locale locale = Locale.forLanguageTag(tag);
        if (!LANGUAGE.matcher(tag).matches() || locale.getLanguage().isEmpty()
                || locale.getDisplayLanguage(Locale.ENGLISH).equalsIgnoreCase(locale.getLanguage())) {
            errors.put("fixedLanguage", "must be a language tag such as fr, en or pt-BR");
            return null;
        }
        return locale.toLanguageTag();
    }

    /** The monthly budget and its policy; a cheaper model needs a hosted first provider to apply to. */
    private Optional<Budget> budget(AiSettingsRequest request, List<ProviderChoice> providers) {
        BigDecimal usd = request.monthlyBudgetUsd();
        if (usd == null) {
            if (request.onBudget() != null && !request.onBudget().isBlank()) {
                errors.put("monthlyBudgetUsd", "is required with onBudget");
            }
            return Optional.empty();
        }
        if (usd.signum() <= 0 || usd.compareTo(MAX_BUDGET_USD) > 0 || usd.stripTrailingZeros().scale() > 2) {
            errors.put("monthlyBudgetUsd", "must be more than 0 and at most " + MAX_BUDGET_USD.toPlainString()
                    + " US dollars, in cents at most");
        }
        BudgetPolicy policy = null;
        try {
            policy = BudgetPolicy.valueOf(String.valueOf(request.onBudget()).strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.put("onBudget", "must be HANDOFF or CHEAPER_MODEL");
        }
        String cheaper = null;
        if (policy == BudgetPolicy.CHEAPER_MODEL) {
            cheaper = model("budgetModel", request.budgetModel());
            if (cheaper == null && !errors.containsKey("budgetModel")) {
                errors.put("budgetModel", "is required with CHEAPER_MODEL (the first provider's model once the "
                        + "budget is reached)");
            } else if (!providers.isEmpty() && OfflineProvider.NAME.equals(providers.getFirst().name())) {
                errors.put("budgetModel", "the first provider is offline, which has no model to change");
            }
        } else if (request.budgetModel() != null && !request.budgetModel().isBlank()) {
            errors.put("budgetModel", "is only used with CHEAPER_MODEL");
        }
        if (!errors.containsKey("monthlyBudgetUsd") && policy != null) {
            return Optional.of(new Budget(usd.setScale(2, RoundingMode.UNNECESSARY), policy, cheaper));
        }
        return Optional.empty();
    }

    private Set<String> channelsOff(Map<String, Boolean> channels) {
        Set<String> off = new TreeSet<>();
        if (channels == null) {
            return off;
        }
        channels.forEach((channel, on) -> {
            if (!AiChannels.KINDS.contains(channel)) {
                errors.put("channels." + channel, "is not a channel kind; use " + AiChannels.KINDS);
            } else if (on == null) {
                errors.put("channels." + channel, "must be true or false");
            } else if (!on) {
                off.add(channel);
            }
        });
        return off;
    }
}
