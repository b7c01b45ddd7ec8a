package com.sellavie.identity.privacy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The export-part contract of contracts.md as a data-owning service implements it, served by the test
 * context (component-scanned from test sources) under {@code /internal/test-contract/<service>} so it
 * sits behind the platform's real service-token chain: {@code GET .../internal/privacy/exports/{requestId}}
 * answers {@code {"service","requestId","data"}}. A contract test of identity's Feign client, not a
 * stand-in for the services' real handlers (the system IT PrivacyJourneyIT proves those).
 */
@RestController
class ExportPartContract {

    /** Calls per service, and how many 503s a service answers before its part (to prove the retry). */
    static final Map<String, AtomicInteger> CALLS = new ConcurrentHashMap<>();
    static final Map<String, AtomicInteger> FAILURES_BEFORE_ANSWER = new ConcurrentHashMap<>();

    @GetMapping("/internal/test-contract/{service}/internal/privacy/exports/{requestId}")
    ResponseEntity<Map<String, Object>> part(@PathVariable String service, @PathVariable UUID requestId) {
        CALLS.computeIfAbsent(service + "/" + requestId, key -> new AtomicInteger()).incrementAndGet();
        AtomicInteger failures = FAILURES_BEFORE_ANSWER.get(service + "/" + requestId);
        if (failures != null && failures.getAndDecrement() > 0) {
            return ResponseEntity.status(503).build();
        }
        return ResponseEntity.ok(Map.of("service", service, "requestId", requestId.toString(),
                "data", Map.of("records", List.of(Map.of("note", "held by " + service)))));
    }
}
