package com.sellavie.ai.catalog;

import java.util.List;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;

/**
 * commerce-service's internal catalog endpoint (contracts.md), called with the shared service token
 * ({@link ServiceTokenAuthentication}); never routed by the gateway. Timeouts: connect 2 s, read 5 s
 * ({@code spring.cloud.openfeign.client.config.commerce-catalog}).
 */
@FeignClient(name = "commerce-catalog", configuration = ServiceTokenAuthentication.class)
interface CommerceCatalogClient {

    /**
     * Creates every product whose sku the business does not have yet, skips the others; idempotent.
     * 400 problem JSON (nothing created) when any entry is invalid.
     */
    @PostMapping(path = "/internal/catalog/legacy-import", consumes = MediaType.APPLICATION_JSON_VALUE,
            produces = MediaType.APPLICATION_JSON_VALUE)
    ImportResult legacyImport(@RequestBody ImportRequest request);

    /** The request body: one business's products. */
    record ImportRequest(UUID businessId, List<LegacyProduct> products) {
    }

    /** What commerce did: products created, and skipped because the business had their sku already. */
    record ImportResult(int created, int skipped) {
    }
}
