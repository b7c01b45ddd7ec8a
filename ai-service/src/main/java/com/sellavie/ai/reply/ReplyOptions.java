package com.sellavie.ai.reply;

import com.sellavie.ai.provider.ProviderChain;
import com.sellavie.ai.settings.ReplySettings;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one reply is written, from the business's AI settings: its own provider chain (null: the
 * deployment's), the tone it asks for and the language every reply must be in (null: none set; the
 * customer's language then).
 */
record ReplyOptions(ProviderChain chain, String tone, String fixedLanguage) {

    /** A business without settings: the deployment's chain, no tone, the customer's language. */
    static final ReplyOptions DEPLOYMENT = new ReplyOptions(null, null, null);

    static ReplyOptions of(Optional<ReplySettings> settings, Function<ReplySettings, ProviderChain> chains) {
        return settings.map(s -> new ReplyOptions(chains.apply(s), s.tone(), s.fixedLanguage())).orElse(DEPLOYMENT);
    }

    /** {@code fr} or {@code en} for the texts ai-service writes itself (safe replies, support words). */
    String ownTextsLanguage(String customerText) {
        return FallbackMessage.language(customerText, fixedLanguage);
    }
}
