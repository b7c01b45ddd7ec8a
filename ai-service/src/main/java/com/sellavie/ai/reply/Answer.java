package com.sellavie.ai.reply;

import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.events.ai.ReplyGenerated;
import java.time.ZoneId;

/**
 * The reply to publish and what writing it took.
 *
 * @param modelCalled    false when no model was asked (moderation handed the message to a person): nothing to count
 * @param usage          every model call of the reply added up (a reply written again counts both calls)
 * @param budgetFallback the business's budget was reached and its cheaper model answered
 * @param usageZone      the business's time zone as the reply's knowledge read it: the day its usage counts on
 */
record Answer(ReplyGenerated event, boolean modelCalled, TokenUsage usage, boolean budgetFallback, ZoneId usageZone) {

    Answer withBudgetFallback() {
        return new Answer(event, modelCalled, usage, true, usageZone);
    }
}
