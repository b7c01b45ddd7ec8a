package com.sellavie.ai.usage;

import com.sellavie.ai.settings.BudgetPolicy;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/ai/usage}: the business's AI usage per day of its time zone (every day of the range,
 * days without replies at 0), per provider and model, the month's cost so far and its budget. Costs in
 * millionths of a US dollar; replies whose model has no price are counted in {@code unpricedReplies}
 * and left out of the costs.
 *
 * @param budget null when the business set none
 */
record UsageReport(LocalDate from, LocalDate to, String currency, String priceTableVersion, List<Day> days,
        List<ByModel> byModel, Totals totals, long monthToDateCostMicroUsd, Budget budget) {

    record Day(LocalDate day, long inputTokens, long outputTokens, long costMicroUsd, long replies,
            long unpricedReplies) {
    }

    record ByModel(String provider, String model, long inputTokens, long outputTokens, long costMicroUsd,
            long replies, long unpricedReplies) {
    }

    record Totals(long inputTokens, long outputTokens, long costMicroUsd, long replies, long unpricedReplies) {
    }

    /** @param reached whether this month's cost has reached it (replies then follow {@code onBudget}) */
    record Budget(BigDecimal monthlyUsd, long monthlyMicroUsd, BudgetPolicy onBudget, String budgetModel,
            boolean reached) {
    }
}
