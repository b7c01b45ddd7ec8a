package com.sellavie.commerce.catalog;

import com.sellavie.commerce.web.InvalidInputException;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.Map;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code POST /internal/catalog/legacy-import}: only callers holding the service token get here (the
 * platform's /internal/** chain). There is no tenant in the request context, so the work runs as the
 * business the body names.
 */
@RestController
class LegacyImportController {

    private final LegacyCatalogImport legacyImport;

    LegacyImportController(LegacyCatalogImport legacyImport) {
        this.legacyImport = legacyImport;
    }

    @PostMapping("/internal/catalog/legacy-import")
    LegacyImportResult importLegacy(@RequestBody(required = false) LegacyImportRequest request) {
        if (request == null || request.businessId() == null) {
            throw new InvalidInputException(Map.of("businessId", "is required"));
        }
        return TenantContext.callAs(request.businessId(),
                () -> legacyImport.importProducts(request.businessId(), request.products()));
    }
}
