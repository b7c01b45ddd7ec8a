package com.sellavie.ai.settings;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A business's monthly AI budget (AI settings): the cost, in US dollars, its replies may reach in one
 * calendar month of its time zone, and what happens then.
 *
 * @param cheaperModel the model the first provider answers with under {@link BudgetPolicy#CHEAPER_MODEL}
 */
public record Budget(BigDecimal monthlyUsd, BudgetPolicy onBudget, String cheaperModel) {

    public Budget {
        Objects.requireNonNull(monthlyUsd, "monthlyUsd");
        Objects.requireNonNull(onBudget, "onBudget");
    }

    /** The budget in millionths of a dollar, the unit costs are kept in. */
    public long monthlyMicroUsd() {
        return monthlyUsd.movePointRight(6).longValueExact();
    }

    /** Whether a month that has cost {@code spentMicroUsd} so far has reached it. */
    public boolean reachedBy(long spentMicroUsd) {
        return spentMicroUsd >= monthlyMicroUsd();
    }
}
