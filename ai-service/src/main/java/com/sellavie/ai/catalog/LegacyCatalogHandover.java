package com.sellavie.ai.catalog;

import com.sellavie.ai.catalog.CommerceCatalogClient.ImportRequest;
import com.sellavie.ai.catalog.CommerceCatalogClient.ImportResult;
import com.sellavie.platform.tenancy.Tenancy;
import feign.FeignException;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands the products ai-service used to keep (legacy_products) over to commerce, business by business,
 * every {@code sellavie.ai.legacy-handover-interval} while any remain: {@code POST
 * /internal/catalog/legacy-import}, then, on 200, the business's rows are deleted (commerce's
 * ProductUpserted events bring them back as the catalog). A failure keeps the rows, which go on
 * feeding the assistant, and the next run tries again. commerce's import is idempotent (existing skus
 * are skipped), so two instances handing the same business over at once, or a crash between the call
 * and the delete, create nothing twice. Calls run on this job's own thread, never a consumer's.
 */
@Component
class LegacyCatalogHandover implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(LegacyCatalogHandover.class);
    private static final int BUSINESSES_PER_RUN = 100;

    private final LegacyProducts legacy;
    private final LegacyImport commerce;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;
    private final Duration interval;
    private ScheduledExecutorService scheduler;
    /** Set once a run finds nothing left: nothing ever writes legacy rows again, so the job is over. */
    private volatile boolean finished;

    LegacyCatalogHandover(LegacyProducts legacy, LegacyImport commerce, Tenancy tenancy,
            TransactionTemplate transaction, MeterRegistry meters,
            @Value("${sellavie.ai.legacy-handover-interval:30s}") Duration interval) {
        this.legacy = legacy;
        this.commerce = commerce;
        this.tenancy = tenancy;
        this.transaction = transaction;
        this.meters = meters;
        this.interval = interval;
    }

    /** One run: every business with legacy products (up to 100) offered to commerce once; returns how many were handed over. */
    int handOver() {
        List<UUID> businesses = tenancy.globalLookup(LegacyProducts.PENDING_LOOKUP,
                () -> legacy.businesses(BUSINESSES_PER_RUN));
        if (businesses.isEmpty()) {
            finished = true;
            return 0;
        }
        int handedOver = 0;
        for (UUID business : businesses) {
            if (handOver(business)) {
                handedOver++;
            }
        }
        return handedOver;
    }

    private boolean handOver(UUID business) {
        List<LegacyProduct> products = tenancy.callAs(business, () -> transaction.execute(s -> legacy.of(business)));
        if (products == null || products.isEmpty()) {
            return false;
        }
        ImportResult result;
        try {
            result = commerce.send(new ImportRequest(business, products));
        } catch (FeignException.FeignClientException e) {
            // commerce refused the list itself (e.g. 400 with field errors): retrying the same rows cannot
            // help; they keep feeding the assistant and an operator has to look.
            count("rejected");
            log.error("commerce refused the legacy catalog of business {} ({} products): HTTP {} {}; the products "
                    + "stay in legacy_products and are offered again on the next run", business, products.size(),
                    e.status(), e.contentUTF8());
            return false;
        } catch (RuntimeException e) {
            count("failed");
            log.warn("Could not hand the legacy catalog of business {} ({} products) over to commerce ({}: {}); "
                    + "kept, tried again in {}", business, products.size(), e.getClass().getSimpleName(),
                    e.getMessage(), interval);
            return false;
        }
        List<String> skus = products.stream().map(LegacyProduct::sku).toList();
        int deleted = tenancy.callAs(business, () -> transaction.execute(s -> legacy.delete(business, skus)));
        count("handed_over");
        log.info("Legacy catalog of business {} handed over to commerce: {} created, {} already there; {} legacy "
                + "rows deleted", business, result.created(), result.skipped(), deleted);
        return true;
    }

    private void count(String outcome) {
        meters.counter("sellavie.ai.legacy_catalog.handovers", "outcome", outcome).increment();
    }

    private void runQuietly() {
        if (finished) {
            return;
        }
        try {
            handOver();
        } catch (RuntimeException e) {
            count("failed");
            log.warn("Legacy catalog handover run failed ({}: {}); tried again in {}", e.getClass().getSimpleName(),
                    e.getMessage(), interval);
        }
    }

    @Override
    public synchronized void start() {
        if (scheduler != null) {
            return;
        }
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "legacy-catalog-handover");
            thread.setDaemon(true);
            return thread;
        });
        long millis = interval.toMillis();
        scheduler.scheduleWithFixedDelay(this::runQuietly, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return scheduler != null;
    }
}
