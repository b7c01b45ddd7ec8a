package com.sellavie.ai.settings;

import com.sellavie.ai.provider.BusinessChains;
import java.util.List;
import java.util.Set;

/**
 * A business's settings as the reply pipeline uses them: its provider order (each endpoint with the
 * business's model, key, reply length and temperature), tone, language and switched-off channels.
 * Holds decrypted keys: kept in memory for one reply, never logged ({@code toString} masks them).
 *
 * @param fixedLanguage the language every reply is in; null = the customer's
 */
public record ReplySettings(List<BusinessChains.Link> providers, String tone, String fixedLanguage,
        Set<String> channelsOff) {

    public ReplySettings {
        providers = List.copyOf(providers);
        channelsOff = Set.copyOf(channelsOff);
    }

    /** Whether the assistant answers on this channel kind; SANDBOX and unknown kinds are always answered. */
    public boolean answersOn(String channelType) {
        return channelType == null || !channelsOff.contains(channelType);
    }
}
