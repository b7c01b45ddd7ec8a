package com.sellavie.identity.privacy;

import java.net.URI;
import java.util.UUID;
import org.springframework.cloud.openfeign.FeignClient;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A data-owning service's part of an export (contracts.md): {@code GET /internal/privacy/exports/{requestId}}
 * at that service's base URL (the {@code baseUrl} argument overrides the placeholder url), with the
 * shared service token; answers {@code {"service","requestId","data"}}. Kept as text: it goes into the
 * archive as the service wrote it.
 */
@FeignClient(name = "privacy-export-parts", url = "http://configured-per-service",
        configuration = ServiceTokenAuthentication.class)
interface ExportPartClient {

    @GetMapping(path = "/internal/privacy/exports/{requestId}", produces = MediaType.APPLICATION_JSON_VALUE)
    String part(URI baseUrl, @PathVariable("requestId") UUID requestId);
}
