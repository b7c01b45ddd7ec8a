package com.sellavie.commerce.payment.ledger;

import com.sellavie.commerce.web.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/payments/transactions} and {@code /api/payments/discrepancies}: any member reads the
 * business's ledger, newest first, {@code before} = the id of the last row of the previous page;
 * header {@value #HAS_MORE}. An order id of another business answers 404.
 */
@RestController
@RequestMapping("/api/payments")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class LedgerController {

    static final String HAS_MORE = "X-Has-More";
    private static final int MAX_LIMIT = 100;

    private final LedgerQueries queries;

    LedgerController(LedgerQueries queries) {
        this.queries = queries;
    }

    @GetMapping("/transactions")
    ResponseEntity<List<TransactionView>> transactions(@RequestParam(required = false) String orderId,
            @RequestParam(required = false) String before, @RequestParam(required = false) String limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID order = uuid(orderId, "orderId", errors);
        UUID cursor = uuid(before, "before", errors);
        int size = limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (order != null && !queries.orderExists(order)) {
            throw new UnknownOrderException(order);
        }
        LedgerQueries.Page<TransactionView> page = queries.transactions(order, cursor, size);
        return ResponseEntity.ok().header(HAS_MORE, Boolean.toString(page.hasMore())).body(page.rows());
    }

    @GetMapping("/discrepancies")
    ResponseEntity<List<DiscrepancyView>> discrepancies(@RequestParam(required = false) String before,
            @RequestParam(required = false) String limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID cursor = uuid(before, "before", errors);
        int size = limit(limit, errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        LedgerQueries.Page<DiscrepancyView> page = queries.discrepancies(cursor, size);
        return ResponseEntity.ok().header(HAS_MORE, Boolean.toString(page.hasMore())).body(page.rows());
    }

    private static UUID uuid(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.put(field, "must be an id (UUID)");
            return null;
        }
    }

    private static int limit(String value, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return 20;
        }
        try {
            int parsed = Integer.parseInt(value.strip());
            if (parsed >= 1 && parsed <= MAX_LIMIT) {
                return parsed;
            }
        } catch (NumberFormatException notANumber) {
            // reported below
        }
        errors.put("limit", "must be a whole number from 1 to " + MAX_LIMIT);
        return 20;
    }
}
