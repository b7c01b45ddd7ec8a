package com.sellavie.commerce.revenue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.commerce.web.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class RevenueRangeTest {

    private static final Instant NOW = Instant.parse("2026-11-30T23:30:00Z");

    @Test
    void datesAreInclusiveInTheZone() {
        RevenueRange range = RevenueRange.parse("2026-11-01", "2026-11-30", "Europe/Paris", NOW);

        assertThat(range.days()).isEqualTo(30);
        assertThat(range.start()).isEqualTo(Instant.parse("2026-10-31T23:00:00Z"));
        assertThat(range.end()).isEqualTo(Instant.parse("2026-11-30T23:00:00Z"));
        assertThat(range.dayOf(Instant.parse("2026-11-02T23:30:00Z"))).isEqualTo(LocalDate.parse("2026-11-03"));
    }

    @Test
    void withoutDatesTheLastThirtyDaysOfTheZoneUpToToday() {
        RevenueRange range = RevenueRange.parse(null, null, "Africa/Lagos", NOW);

        assertThat(range.to()).isEqualTo(LocalDate.parse("2026-12-01")); // already 1 December in Lagos
        assertThat(range.days()).isEqualTo(30);
        assertThat(range.zone()).isEqualTo(ZoneId.of("Africa/Lagos"));
        assertThat(RevenueRange.parse("2026-11-01", "2026-11-01", null, NOW).zone()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void atMost366Days() {
        assertThat(RevenueRange.parse("2024-01-01", "2024-12-31", null, NOW).days()).isEqualTo(366);
        assertThatThrownBy(() -> RevenueRange.parse("2025-01-01", "2026-01-02", null, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class, e -> assertThat(e.fieldErrors()).containsKey("to"));
    }

    @Test
    void everyBadParameterIsNamed() {
        assertThatThrownBy(() -> RevenueRange.parse("yesterday", "2026-02-30", "Mars/Olympus", NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("from", "to", "zone"));
        assertThatThrownBy(() -> RevenueRange.parse("2026-11-30", "2026-11-01", null, NOW))
                .isInstanceOfSatisfying(InvalidInputException.class,
                        e -> assertThat(e.fieldErrors()).containsOnlyKeys("from"));
    }
}
