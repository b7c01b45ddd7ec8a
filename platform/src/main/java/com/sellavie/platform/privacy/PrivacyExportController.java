package com.sellavie.platform.privacy;

import com.sellavie.platform.tenancy.Tenancy;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/privacy/exports/{requestId}} (service token only, the platform's internal chain):
 * this service's part of an export, computed now for the request it received.
 */
@RestController
class PrivacyExportController {

    private final PrivacyExportRequests requests;
    private final PrivacyTaskHandler handler;
    private final Tenancy tenancy;
    private final TransactionTemplate readOnly;
    private final String service;

    PrivacyExportController(PrivacyExportRequests requests, PrivacyTaskHandler handler, Tenancy tenancy,
            TransactionTemplate readOnly, String service) {
        this.requests = requests;
        this.handler = handler;
        this.tenancy = tenancy;
        this.readOnly = readOnly;
        this.service = service;
    }

    record ExportPart(String service, UUID requestId, Map<String, Object> data) {
    }

    @GetMapping("/internal/privacy/exports/{requestId}")
    ExportPart part(@PathVariable UUID requestId) {
        PrivacySubject subject = requests.find(requestId).orElseThrow(() -> notFound(requestId));
        PrivacyExport export = tenancy.callAs(subject.businessId(),
                () -> readOnly.execute(status -> handler.export(subject)));
        return new ExportPart(service, requestId, export.data());
    }

    private ErrorResponseException notFound(UUID requestId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No export request " + requestId + " was received by " + service);
        problem.setTitle("Export request not found");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
