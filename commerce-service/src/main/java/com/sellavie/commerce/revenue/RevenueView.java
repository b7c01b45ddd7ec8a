package com.sellavie.commerce.revenue;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code GET /api/revenue}: the most used currency's series at the top level; {@code byCurrency} (every
 * currency's series, most used first) only when the range saw several. {@code currency} is null when the
 * range has no order and no payment provider is configured.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RevenueView(@JsonInclude(JsonInclude.Include.ALWAYS) String currency, Totals totals, List<Day> days,
        List<Series> byCurrency) {

    record Series(String currency, Totals totals, List<Day> days) {
    }

    /** {@code conversion}: paid share of the links created in the range (0..1), null without links. */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Totals(long paidRevenueMinor, long paidOrders, long orders, long checkoutLinks, Double conversion,
            long assistantRevenueMinor) {
    }

    record Day(LocalDate date, long paidRevenueMinor, long paidOrders, long orders, long checkoutLinks,
            long assistantRevenueMinor) {
    }
}
