package com.sellavie.ai.settings;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * Body of {@code PUT /api/ai/settings}: the whole settings. Fields are nullable so that a missing
 * required one becomes a field error ({@link AiSettingsValidator}).
 *
 * @param providers      the order, first tried first (required, at least one)
 * @param temperature    0 to 2; null = each provider's default
 * @param maxReplyTokens upper bound of a reply, in tokens; null = the deployment's
 * @param tone           tone / persona for the system prompt; null or blank = none
 * @param languagePolicy {@code CUSTOMER} (default) or {@code FIXED}
 * @param fixedLanguage  BCP 47 tag, required with {@code FIXED}
 * @param channels       channel kind to on/off; a kind left out is on
 * @param monthlyBudgetUsd the month's AI cost limit in US dollars (cents at most); null = no budget
 * @param onBudget       {@code HANDOFF} or {@code CHEAPER_MODEL}, required with a budget
 * @param budgetModel    the first provider's model once the budget is reached, required with {@code CHEAPER_MODEL}
 */
record AiSettingsRequest(List<ProviderRequest> providers, BigDecimal temperature, Integer maxReplyTokens, String tone,
        String languagePolicy, String fixedLanguage, Map<String, Boolean> channels, BigDecimal monthlyBudgetUsd,
        String onBudget, String budgetModel) {

    /**
     * @param name     {@code offline} or an endpoint of the deployment
     * @param model    null or blank = the endpoint's model
     * @param apiKey   a new key; null, or the masked key GET showed, keeps the stored one
     * @param clearKey true removes the stored key (the platform's is used)
     */
    record ProviderRequest(String name, String model, String apiKey, Boolean clearKey) {

        @Override
        public String toString() {
            // Never print a key (a log line, an exception message).
            return "ProviderRequest[name=" + name + ", model=" + model + ", apiKey=" + (apiKey == null ? "null" : "***")
                    + ", clearKey=" + clearKey + "]";
        }
    }
}
