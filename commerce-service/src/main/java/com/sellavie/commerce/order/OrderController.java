package com.sellavie.commerce.order;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/orders}: any member reads the business's orders; OWNER and ADMIN cancel one. The business
 * is the token's; another business's order id answers 404.
 */
@RestController
@RequestMapping("/api/orders")
class OrderController {

    static final int MAX_LIMIT = 100;
    static final String HAS_MORE = "X-Has-More";

    private final OrderManagement management;

    OrderController(OrderManagement management) {
        this.management = management;
    }

    /** A JSON array of orders, newest first; header {@value #HAS_MORE} says whether a next page exists. */
    @GetMapping
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<List<OrderView>> list(@RequestParam(required = false) String status, @RequestParam(required = false) String limit,
            @RequestParam(required = false) String page) {
        Map<String, String> errors = new LinkedHashMap<>();
        OrderStatus wanted = null;
        if (status != null && !status.isBlank()) {
            try {
                wanted = OrderStatus.valueOf(status.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                errors.put("status", "must be one of PENDING_PAYMENT, PAID, PAYMENT_FAILED, EXPIRED, CANCELLED, "
                        + "REFUNDED");
            }
        }
        int size = number(limit, 20, 1, MAX_LIMIT, "limit", errors);
        int number = number(page, 0, 0, 100_000, "page", errors);
        if (!errors.isEmpty()) {
            throw new InvalidOrderQueryException(errors);
        }
        OrderPage found = management.list(wanted, number, size);
        return ResponseEntity.ok().header(HAS_MORE, Boolean.toString(found.hasMore())).body(found.orders());
    }

    @GetMapping("/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    OrderView get(@PathVariable UUID id) {
        return management.get(id);
    }

    @PostMapping("/{id}/cancel")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    OrderView cancel(@PathVariable UUID id, @AuthenticationPrincipal Jwt member) {
        return management.cancel(id, member.getSubject());
    }

    private static int number(String value, int fallback, int min, int max, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= min && parsed <= max) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.put(field, "must be a whole number from " + min + " to " + max);
        return fallback;
    }
}
