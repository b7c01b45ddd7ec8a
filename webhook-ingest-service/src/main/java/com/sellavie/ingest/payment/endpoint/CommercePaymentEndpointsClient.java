package com.sellavie.ingest.payment.endpoint;

import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * commerce-service's {@code GET /internal/payment-endpoints/{endpointId}}: 200 with the endpoint and its
 * secrets, 404 for an unknown endpoint id or a provider no longer configured. Feign's logger stays at its
 * default (NONE): a FULL level would write the secrets of every answer into the log.
 */
@FeignClient(name = "commerce-endpoints", configuration = CommerceClientConfiguration.class)
interface CommercePaymentEndpointsClient {

    @GetMapping("/internal/payment-endpoints/{endpointId}")
    EndpointAnswer find(@PathVariable("endpointId") String endpointId);
}
