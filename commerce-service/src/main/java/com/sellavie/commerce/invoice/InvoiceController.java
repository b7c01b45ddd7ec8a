package com.sellavie.commerce.invoice;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/invoices}: any member reads the business's invoices and downloads their PDF. The business is
 * the token's; another business's invoice id answers 404.
 */
@RestController
@RequestMapping("/api/invoices")
@PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
class InvoiceController {

    static final int MAX_LIMIT = 100;
    static final String HAS_MORE = "X-Has-More";

    private final InvoiceBrowsing browsing;

    InvoiceController(InvoiceBrowsing browsing) {
        this.browsing = browsing;
    }

    /**
     * Newest first. {@code before}: an invoice id (those issued before it) or an ISO-8601 instant; header
     * {@value #HAS_MORE} says whether older ones exist.
     */
    @GetMapping
    ResponseEntity<List<InvoiceView>> list(@RequestParam(required = false) String before,
            @RequestParam(required = false) String limit) {
        Map<String, String> errors = new LinkedHashMap<>();
        UUID beforeInvoice = null;
        Instant beforeInstant = null;
        if (before != null && !before.isBlank()) {
            try {
                beforeInvoice = UUID.fromString(before.strip());
            } catch (IllegalArgumentException notAnId) {
                try {
                    beforeInstant = Instant.parse(before.strip());
                } catch (DateTimeParseException notAnInstant) {
                    errors.put("before", "must be an invoice id or an ISO-8601 instant (2026-11-30T12:00:00Z)");
                }
            }
        }
        int size = 20;
        if (limit != null && !limit.isBlank()) {
            try {
                size = Integer.parseInt(limit.strip());
            } catch (NumberFormatException notANumber) {
                size = -1;
            }
            if (size < 1 || size > MAX_LIMIT) {
                errors.put("limit", "must be a whole number from 1 to " + MAX_LIMIT);
            }
        }
        if (!errors.isEmpty()) {
            throw invalid(errors);
        }
        InvoiceBrowsing.Page page = browsing.list(beforeInvoice, beforeInstant, size);
        return ResponseEntity.ok().header(HAS_MORE, Boolean.toString(page.hasMore())).body(page.invoices());
    }

    @GetMapping("/{id}")
    InvoiceView get(@PathVariable UUID id) {
        return browsing.get(id);
    }

    @GetMapping("/{id}/pdf")
    ResponseEntity<byte[]> pdf(@PathVariable UUID id) {
        InvoiceBrowsing.Pdf pdf = browsing.pdf(id);
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(pdf.filename()).build().toString())
                .body(pdf.bytes());
    }

    private static ErrorResponseException invalid(Map<String, String> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some parameters are invalid.");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://sellavie.dev/problems/invalid-input"));
        problem.setProperty("errors", errors);
        return new ErrorResponseException(HttpStatus.BAD_REQUEST, problem, null);
    }
}
