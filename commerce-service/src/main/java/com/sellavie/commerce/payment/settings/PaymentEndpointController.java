package com.sellavie.commerce.payment.settings;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /internal/payment-endpoints/{endpointId}}: the only way a payment secret leaves commerce,
 * to a caller holding the service token (the platform's /internal/** chain), never cached by proxies.
 */
@RestController
class PaymentEndpointController {

    private final PaymentEndpoints endpoints;

    PaymentEndpointController(PaymentEndpoints endpoints) {
        this.endpoints = endpoints;
    }

    @GetMapping("/internal/payment-endpoints/{endpointId}")
    ResponseEntity<PaymentEndpoint> get(@PathVariable String endpointId) {
        PaymentEndpoint endpoint = endpoints.find(endpointId).orElseThrow(PaymentEndpointController::notFound);
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(endpoint);
    }

    private static ErrorResponseException notFound() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No payment provider is configured for this webhook endpoint id.");
        problem.setTitle("Unknown payment endpoint");
        return new ErrorResponseException(HttpStatus.NOT_FOUND, problem, null);
    }
}
