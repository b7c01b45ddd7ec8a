package com.sellavie.ai.settings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * One business's AI settings (aggregate root, {@code ai_settings} with its providers and switched-off
 * channels). Replaced whole by {@code PUT /api/ai/settings}; keys only as ciphertext and hint.
 */
@Table("ai_settings")
class AiSettings {

    @Id
    private final UUID businessId;
    @MappedCollection(idColumn = "business_id", keyColumn = "position")
    private List<ProviderChoice> providers;
    private BigDecimal temperature;
    private Integer maxReplyTokens;
    private String tone;
    private LanguagePolicy languagePolicy;
    private String fixedLanguage;
    @MappedCollection(idColumn = "business_id")
    private Set<ChannelOff> channelsOff;
    private BigDecimal monthlyBudgetUsd;
    private BudgetPolicy onBudget;
    private String budgetModel;
    private Instant updatedAt;
    @Version
    private Integer version;

    @PersistenceCreator
    AiSettings(UUID businessId, List<ProviderChoice> providers, BigDecimal temperature, Integer maxReplyTokens,
            String tone, LanguagePolicy languagePolicy, String fixedLanguage, Set<ChannelOff> channelsOff,
            BigDecimal monthlyBudgetUsd, BudgetPolicy onBudget, String budgetModel, Instant updatedAt,
            Integer version) {
        this.businessId = businessId;
        this.providers = providers == null ? List.of() : List.copyOf(providers);
        this.temperature = temperature;
        this.maxReplyTokens = maxReplyTokens;
        this.tone = tone;
        this.languagePolicy = languagePolicy;
        this.fixedLanguage = fixedLanguage;
        this.channelsOff = channelsOff == null ? Set.of() : Set.copyOf(channelsOff);
        this.monthlyBudgetUsd = monthlyBudgetUsd;
        this.onBudget = onBudget;
        this.budgetModel = budgetModel;
        this.updatedAt = updatedAt;
        this.version = version;
    }

    /** Settings a business saves for the first time. */
    static AiSettings first(UUID businessId) {
        return new AiSettings(businessId, List.of(), null, null, null, LanguagePolicy.CUSTOMER, null, Set.of(), null,
                null, null, null, null);
    }

    void replace(AiSettingsChange change, Instant now) {
        this.providers = List.copyOf(change.providers());
        this.temperature = change.temperature();
        this.maxReplyTokens = change.maxReplyTokens();
        this.tone = change.tone();
        this.languagePolicy = change.languagePolicy();
        this.fixedLanguage = change.fixedLanguage();
        this.channelsOff = change.channelsOff().stream().map(ChannelOff::new)
                .collect(Collectors.toUnmodifiableSet());
        this.monthlyBudgetUsd = change.budget().map(Budget::monthlyUsd).orElse(null);
        this.onBudget = change.budget().map(Budget::onBudget).orElse(null);
        this.budgetModel = change.budget().map(Budget::cheaperModel).orElse(null);
        this.updatedAt = now;
    }

    UUID businessId() {
        return businessId;
    }

    List<ProviderChoice> providers() {
        return providers;
    }

    /** The business's choice for {@code name}, if it is in its order. */
    Optional<ProviderChoice> provider(String name) {
        return providers.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    BigDecimal temperature() {
        return temperature;
    }

    Integer maxReplyTokens() {
        return maxReplyTokens;
    }

    String tone() {
        return tone;
    }

    LanguagePolicy languagePolicy() {
        return languagePolicy;
    }

    String fixedLanguage() {
        return fixedLanguage;
    }

    boolean answersOn(String channel) {
        return channelsOff.stream().noneMatch(off -> off.channel().equals(channel));
    }

    /** The monthly budget, if the business set one. */
    Optional<Budget> budget() {
        return monthlyBudgetUsd == null ? Optional.empty()
                : Optional.of(new Budget(monthlyBudgetUsd, onBudget, budgetModel));
    }

    Instant updatedAt() {
        return updatedAt;
    }

    /** Spring Data's optimistic-lock version: one more on every save. */
    Integer version() {
        return version;
    }
}
