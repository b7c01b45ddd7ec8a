package com.sellavie.ai.settings;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The settings as {@code GET /api/ai/settings} shows them: keys only masked.
 *
 * @param custom    false while the business has saved nothing: then the deployment's defaults are shown
 * @param available every provider the business may put in its order
 * @param monthlyBudgetUsd null = no budget; then {@code onBudget} and {@code budgetModel} are null too
 */
record AiSettingsView(boolean custom, List<ProviderView> providers, BigDecimal temperature, Integer maxReplyTokens,
        String tone, LanguagePolicy languagePolicy, String fixedLanguage, Map<String, Boolean> channels,
        List<AvailableProvider> available, Instant updatedAt, BigDecimal monthlyBudgetUsd, BudgetPolicy onBudget,
        String budgetModel) {

    /**
     * @param apiKey the business's own key, masked ({@code sk-…1a2b}); null when the platform's is used
     * @param ownKey whether the business's own key is stored
     */
    record ProviderView(String name, String kind, String model, String apiKey, boolean ownKey) {
    }

    /**
     * @param defaultModel the model used when the business names none (null for offline)
     * @param platformKey  whether the deployment has a key for it (else the business must give its own)
     * @param needsKey     false for offline and self-hosted models
     */
    record AvailableProvider(String name, String kind, String defaultModel, boolean platformKey, boolean needsKey) {
    }
}
