package com.sellavie.commerce.catalog;

import java.util.List;
import java.util.UUID;

/** Body of {@code POST /internal/catalog/legacy-import}: ai-service's old product list of one business. */
record LegacyImportRequest(UUID businessId, List<ProductInput> products) {
}
