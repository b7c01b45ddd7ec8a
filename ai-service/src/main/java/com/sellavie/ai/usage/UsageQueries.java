package com.sellavie.ai.usage;

import com.sellavie.ai.settings.AiSettingsService;
import java.sql.Date;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reads the current business's usage for the API (row-level tenancy: only its own rows). */
@Service
class UsageQueries {

    static final int MAX_DAYS = 366;

    private final JdbcTemplate jdbc;
    private final UsageLedger ledger;
    private final PriceTable prices;
    private final AiSettingsService settings;

    UsageQueries(JdbcTemplate jdbc, UsageLedger ledger, PriceTable prices, AiSettingsService settings) {
        this.jdbc = jdbc;
        this.ledger = ledger;
        this.prices = prices;
        this.settings = settings;
    }

    /** @param from, to ISO days, both included; null = the current month of the business's time zone */
    @Transactional(readOnly = true)
    UsageReport report(UUID businessId, String from, String to) {
        LocalDate today = ledger.today(businessId);
        LocalDate first = from == null || from.isBlank() ? today.withDayOfMonth(1) : day("from", from);
        LocalDate last = to == null || to.isBlank() ? first.withDayOfMonth(first.lengthOfMonth()) : day("to", to);
        if (last.isBefore(first)) {
            throw new InvalidUsageQueryException("invalid-range", "to (" + last + ") is before from (" + first + ")");
        }
        if (ChronoUnit.DAYS.between(first, last) >= MAX_DAYS) {
            throw new InvalidUsageQueryException("range-too-long", "at most " + MAX_DAYS + " days at once");
        }
        String aggregates = "coalesce(sum(input_tokens), 0), coalesce(sum(output_tokens), 0), "
                + "coalesce(sum(cost_micro_usd), 0), count(*), count(*) FILTER (WHERE cost_micro_usd IS NULL)";
        Map<LocalDate, UsageReport.Day> recorded = jdbc.query("SELECT usage_day, " + aggregates + " FROM ai_usage "
                + "WHERE business_id = ? AND usage_day BETWEEN ? AND ? GROUP BY usage_day",
                (rs, i) -> new UsageReport.Day(rs.getDate(1).toLocalDate(), rs.getLong(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), rs.getLong(6)), businessId, Date.valueOf(first), Date.valueOf(last))
                .stream().collect(Collectors.toMap(UsageReport.Day::day, Function.identity()));
        List<UsageReport.Day> days = new ArrayList<>();
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            days.add(recorded.getOrDefault(d, new UsageReport.Day(d, 0, 0, 0, 0, 0)));
        }
        List<UsageReport.ByModel> byModel = jdbc.query("SELECT provider, model, " + aggregates + " FROM ai_usage "
                + "WHERE business_id = ? AND usage_day BETWEEN ? AND ? GROUP BY provider, model "
                + "ORDER BY 5 DESC, provider, model", (rs, i) -> new UsageReport.ByModel(rs.getString(1),
                        rs.getString(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6), rs.getLong(7)),
                businessId, Date.valueOf(first), Date.valueOf(last));
        UsageReport.Totals totals = new UsageReport.Totals(days.stream().mapToLong(UsageReport.Day::inputTokens).sum(),
                days.stream().mapToLong(UsageReport.Day::outputTokens).sum(),
                days.stream().mapToLong(UsageReport.Day::costMicroUsd).sum(),
                days.stream().mapToLong(UsageReport.Day::replies).sum(),
                days.stream().mapToLong(UsageReport.Day::unpricedReplies).sum());
        long monthToDate = ledger.monthToDateMicroUsd(businessId);
        UsageReport.Budget budget = settings.budget(businessId).map(b -> new UsageReport.Budget(b.monthlyUsd(),
                b.monthlyMicroUsd(), b.onBudget(), b.cheaperModel(), b.reachedBy(monthToDate))).orElse(null);
        return new UsageReport(first, last, "USD", prices.version(), days, byModel, totals, monthToDate, budget);
    }

    private static LocalDate day(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidUsageQueryException("invalid-date", name + " must be a day such as 2026-12-01");
        }
    }
}
