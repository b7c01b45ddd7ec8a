package com.sellavie.commerce.revenue;

import com.sellavie.commerce.revenue.RevenueFacts.Link;
import com.sellavie.commerce.revenue.RevenueFacts.Paid;
import com.sellavie.commerce.revenue.RevenueFacts.Placed;
import com.sellavie.commerce.revenue.RevenueView.Day;
import com.sellavie.commerce.revenue.RevenueView.Series;
import com.sellavie.commerce.revenue.RevenueView.Totals;
import com.sellavie.platform.tenancy.TenantContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Revenue per day of a range, one series per currency (amounts of different currencies are never added).
 * The most used currency (most orders placed in the range, then most paid, then by code) leads.
 */
@Service
class RevenueReport {

    private final RevenueFacts facts;

    RevenueReport(RevenueFacts facts) {
        this.facts = facts;
    }

    @Transactional(readOnly = true)
    RevenueView of(RevenueRange range) {
        UUID business = TenantContext.requireBusinessId();
        List<Placed> placed = facts.placed(business, range.start(), range.end());
        List<Paid> paid = facts.paid(business, range.start(), range.end());
        List<Link> links = facts.links(business, range.start(), range.end());
        Set<String> currencies = new TreeSet<>();
        placed.forEach(p -> currencies.add(p.currency()));
        paid.forEach(p -> currencies.add(p.currency()));
        links.forEach(l -> currencies.add(l.currency()));
        if (currencies.isEmpty()) {
            String currency = facts.defaultCurrency(business).orElse(null);
            Series empty = series(range, currency, List.of(), List.of(), List.of());
            return new RevenueView(currency, empty.totals(), empty.days(), null);
        }
        List<Series> all = currencies.stream()
                .map(c -> series(range, c, only(placed, Placed::currency, c), only(paid, Paid::currency, c),
                        only(links, Link::currency, c)))
                .sorted(Comparator.comparingLong((Series s) -> s.totals().orders()).reversed()
                        .thenComparing(Comparator.comparingLong((Series s) -> s.totals().paidOrders()).reversed())
                        .thenComparing(Series::currency))
                .toList();
        Series top = all.getFirst();
        return new RevenueView(top.currency(), top.totals(), top.days(), all.size() > 1 ? all : null);
    }

    static Series series(RevenueRange range, String currency, List<Placed> placed, List<Paid> paid, List<Link> links) {
        Map<LocalDate, Long> orders = count(placed, p -> range.dayOf(p.at()));
        Map<LocalDate, Long> paidOrders = count(paid, p -> range.dayOf(p.at()));
        Map<LocalDate, Long> linkCount = count(links, l -> range.dayOf(l.at()));
        Map<LocalDate, Long> revenue = paid.stream().collect(Collectors.groupingBy(p -> range.dayOf(p.at()),
                Collectors.summingLong(Paid::totalMinor)));
        Map<LocalDate, Long> assistant = paid.stream().filter(Paid::assistant).collect(Collectors.groupingBy(
                p -> range.dayOf(p.at()), Collectors.summingLong(Paid::totalMinor)));
        List<Day> days = new ArrayList<>(range.days());
        for (LocalDate day = range.from(); !day.isAfter(range.to()); day = day.plusDays(1)) {
            days.add(new Day(day, revenue.getOrDefault(day, 0L), paidOrders.getOrDefault(day, 0L),
                    orders.getOrDefault(day, 0L), linkCount.getOrDefault(day, 0L), assistant.getOrDefault(day, 0L)));
        }
        long linksPaid = links.stream().filter(Link::paid).count();
        Totals totals = new Totals(days.stream().mapToLong(Day::paidRevenueMinor).sum(), paid.size(), placed.size(),
                links.size(), links.isEmpty() ? null : (double) linksPaid / links.size(),
                days.stream().mapToLong(Day::assistantRevenueMinor).sum());
        return new Series(currency, totals, days);
    }

    private static <T> List<T> only(List<T> facts, Function<T, String> currency, String wanted) {
        return facts.stream().filter(f -> wanted.equals(currency.apply(f))).toList();
    }

    private static <T> Map<LocalDate, Long> count(List<T> facts, Function<T, LocalDate> day) {
        return facts.stream().collect(Collectors.groupingBy(day, Collectors.counting()));
    }
}
