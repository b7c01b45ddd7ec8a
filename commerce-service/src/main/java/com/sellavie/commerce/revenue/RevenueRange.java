package com.sellavie.commerce.revenue;

import com.sellavie.commerce.web.InvalidInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The days asked for: {@code from} to {@code to} inclusive, in {@code zone} (default UTC), at most
 * {@value #MAX_DAYS} days. Missing dates: the last 30 days up to today in that zone.
 */
record RevenueRange(LocalDate from, LocalDate to, ZoneId zone) {

    static final int MAX_DAYS = 366;
    static final int DEFAULT_DAYS = 30;

    /** @throws InvalidInputException naming every bad parameter */
    static RevenueRange parse(String from, String to, String zone, Instant now) {
        Map<String, String> errors = new LinkedHashMap<>();
        ZoneId zoneId = ZoneOffset.UTC;
        if (zone != null && !zone.isBlank()) {
            try {
                zoneId = ZoneId.of(zone.strip());
            } catch (DateTimeException unknown) {
                errors.put("zone", "must be a time zone such as Europe/Paris, Africa/Lagos or UTC");
            }
        }
        LocalDate end = date(to, "to", errors);
        LocalDate start = date(from, "from", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (end == null) {
            end = start != null ? start.plusDays(DEFAULT_DAYS - 1) : LocalDate.ofInstant(now, zoneId);
        }
        if (start == null) {
            start = end.minusDays(DEFAULT_DAYS - 1);
        }
        if (start.isAfter(end)) {
            throw new InvalidInputException(Map.of("from", "must not be after to"));
        }
        if (ChronoUnit.DAYS.between(start, end) + 1 > MAX_DAYS) {
            throw new InvalidInputException(Map.of("to", "the range covers at most " + MAX_DAYS + " days"));
        }
        return new RevenueRange(start, end, zoneId);
    }

    /** The first instant of the range. */
    Instant start() {
        return from.atStartOfDay(zone).toInstant();
    }

    /** The first instant after the range. */
    Instant end() {
        return to.plusDays(1).atStartOfDay(zone).toInstant();
    }

    int days() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    LocalDate dayOf(Instant at) {
        return LocalDate.ofInstant(at, zone);
    }

    private static LocalDate date(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException bad) {
            errors.put(field, "must be a date like 2026-11-30");
            return null;
        }
    }
}
