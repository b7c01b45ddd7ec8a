package com.sellavie.commerce.revenue;

import java.time.Clock;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/revenue?from=&to=&zone=}: any member reads the business's revenue per day. */
@RestController
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class RevenueController {

    private final RevenueReport report;
    private final Clock clock;

    RevenueController(RevenueReport report, Clock clock) {
        this.report = report;
        this.clock = clock;
    }

    @GetMapping("/api/revenue")
    RevenueView revenue(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
            @RequestParam(required = false) String zone) {
        return report.of(RevenueRange.parse(from, to, zone, clock.instant()));
    }
}
