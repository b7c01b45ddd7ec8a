package com.sellavie.ai.reply;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.ai.prompt.*}: how much of the conversation a prompt carries, in estimated tokens
 * ({@link TokenEstimate}).
 *
 * @param historyTokens earlier messages are kept newest first while they fit; older ones are dropped
 * @param summaryTokens what the dropped messages' summary ("Earlier in this conversation: ...") may
 *                      take; 0 drops them without a summary
 */
@ConfigurationProperties("sellavie.ai.prompt")
record PromptBudget(Integer historyTokens, Integer summaryTokens) {

    static final PromptBudget DEFAULT = new PromptBudget(null, null);

    PromptBudget {
        historyTokens = historyTokens == null ? 1500 : historyTokens;
        summaryTokens = summaryTokens == null ? 200 : summaryTokens;
        if (historyTokens < 0 || summaryTokens < 0) {
            throw new IllegalArgumentException("sellavie.ai.prompt.history-tokens and summary-tokens must not be "
                    + "negative, were " + historyTokens + " and " + summaryTokens);
        }
    }
}
