package com.sellavie.ai.settings;

import com.sellavie.ai.provider.BusinessChains;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A business's settings as the reply pipeline uses them: its provider order (each endpoint with the
 * business's model, key, reply length and temperature), tone, language and switched-off channels.
 * Holds decrypted keys: kept in memory for one reply, never logged ({@code toString} masks them).
 *
 * @param fixedLanguage the language every reply is in; null = the customer's
 * @param budget        the monthly AI budget; null = none
 */
public record ReplySettings(List<BusinessChains.Link> providers, String tone, String fixedLanguage,
        Set<String> channelsOff, Budget budget) {

    public ReplySettings {
        providers = List.copyOf(providers);
        channelsOff = Set.copyOf(channelsOff);
    }

    /**
     * These settings once the budget is reached under {@link BudgetPolicy#CHEAPER_MODEL}: the first
     * provider of the order answers with the cheaper model (the others, failing over, keep theirs).
     */
    public ReplySettings withCheaperModel() {
        if (budget == null || budget.cheaperModel() == null || providers.isEmpty()
                || providers.getFirst().endpoint() == null) {
            return this;
        }
        BusinessChains.Link first = providers.getFirst();
        List<BusinessChains.Link> cheaper = new ArrayList<>(providers);
        cheaper.set(0, new BusinessChains.Link(first.name(),
                first.endpoint().forBusiness(budget.cheaperModel(), null, null, null)));
        return new ReplySettings(cheaper, tone, fixedLanguage, channelsOff, budget);
    }

    /** Whether the assistant answers on this channel kind; SANDBOX and unknown kinds are always answered. */
    public boolean answersOn(String channelType) {
        return channelType == null || !channelsOff.contains(channelType);
    }
}
