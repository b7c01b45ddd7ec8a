package com.sellavie.commerce.catalog;

import com.sellavie.platform.tenancy.TenantContext;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code POST /api/catalog/import}: upserts a CSV file's products by sku, all or nothing. The file is
 * checked whole first; then one transaction writes every changed product and its ProductUpserted.
 */
@Service
class CatalogImport {

    static final long MAX_BYTES = 1024 * 1024;
    static final int MAX_ROWS = 5_000;

    private final CsvCatalogReader reader = new CsvCatalogReader(MAX_ROWS);
    private final Products products;
    private final CatalogEvents events;
    private final Clock clock;

    CatalogImport(Products products, CatalogEvents events, Clock clock) {
        this.products = products;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    ImportSummary importFile(byte[] file, Charset charset) {
        CsvCatalogReader.Result result = reader.read(decode(file, charset));
        if (!result.valid()) {
            throw new ImportRejectedException(result.errors());
        }
        UUID businessId = TenantContext.requireBusinessId();
        Map<String, Product> existing = products.findAllOf(businessId).stream()
                .collect(Collectors.toMap(p -> p.sku().toLowerCase(Locale.ROOT), Function.identity()));
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MILLIS);
        int created = 0;
        int updated = 0;
        int unchanged = 0;
        for (CsvCatalogReader.Row row : result.rows()) {
            ProductDetails details = row.product();
            Product product = existing.get(details.sku().toLowerCase(Locale.ROOT));
            if (product == null) {
                product = Product.create(businessId, details, now);
                created++;
            } else if (product.replaceWith(details, now)) {
                updated++;
            } else {
                unchanged++;
                continue;
            }
            save(product);
            events.upserted(product, now);
        }
        return new ImportSummary(created, updated, unchanged);
    }

    private void save(Product product) {
        try {
            products.save(product);
        } catch (OptimisticLockingFailureException e) {
            throw CatalogConflictException.changedMeanwhile(product.sku());
        } catch (RuntimeException e) {
            if (Catalog.causedByDuplicateKey(e)) {
                // Another request created this sku while the file was being written: the whole import rolls back.
                throw CatalogConflictException.changedMeanwhile(product.sku());
            }
            throw e;
        }
    }

    private static String decode(byte[] file, Charset charset) {
        try {
            return charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(file)).toString();
        } catch (CharacterCodingException e) {
            throw new ImportRejectedException(List.of(new ImportLineError(1, null, "the file is not " + charset.name()
                    + " text; save it as \"CSV UTF-8\"")));
        }
    }
}
