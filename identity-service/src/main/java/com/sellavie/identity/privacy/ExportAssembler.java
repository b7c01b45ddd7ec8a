package com.sellavie.identity.privacy;

import com.sellavie.identity.privacy.PrivacyRequest.Task;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Turns completed exports into archives, every {@code sellavie.privacy.assemble-interval}: fetches each
 * service's part (OpenFeign, retried), adds identity's own, zips, encrypts and stores them as the
 * request's business, and purges archives past their expiry. A failed export is logged, counted and
 * tried again next round; it never stops the others. Every instance may run it: storing is first-wins.
 */
@Component
class ExportAssembler implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ExportAssembler.class);
    private static final int BATCH = 20;

    private final PrivacyRequests requests;
    private final ExportArchives archives;
    private final ExportPartFetcher fetcher;
    private final IdentityPrivacyPart identityPart;
    private final ArchiveCipher cipher;
    private final Tenancy tenancy;
    private final PrivacyProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    private ScheduledExecutorService scheduler;

    ExportAssembler(PrivacyRequests requests, ExportArchives archives, ExportPartFetcher fetcher,
            IdentityPrivacyPart identityPart, ArchiveCipher cipher, Tenancy tenancy, PrivacyProperties properties,
            MeterRegistry meters) {
        this.requests = requests;
        this.archives = archives;
        this.fetcher = fetcher;
        this.identityPart = identityPart;
        this.cipher = cipher;
        this.tenancy = tenancy;
        this.properties = properties;
        this.meters = meters;
    }

    /** One round: assemble what is ready, purge what expired. */
    void runOnce() {
        for (ExportArchives.Ref ref : archives.toAssemble(BATCH)) {
            try {
                tenancy.runAs(ref.businessId(), () -> assemble(ref));
            } catch (RuntimeException e) {
                meters.counter("sellavie.privacy.export.assembly.failed").increment();
                log.warn("Could not assemble export {} yet: {}", ref.requestId(), e.toString());
            }
        }
        Instant now = clock.instant();
        for (ExportArchives.Ref ref : archives.expired(now, BATCH)) {
            tenancy.runAs(ref.businessId(), () -> archives.delete(ref.requestId()));
            log.info("Export archive {} expired and was purged", ref.requestId());
        }
    }

    private void assemble(ExportArchives.Ref ref) {
        PrivacyRequest request = requests.find(ref.businessId(), ref.requestId()).orElseThrow();
        Map<String, String> parts = new LinkedHashMap<>();
        for (Task task : request.tasks()) {
            parts.put(task.service(), PrivacyProperties.IDENTITY.equals(task.service())
                    ? identityPart.exportPart(request) : fetcher.fetch(task.service(), request.id()));
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        byte[] zip = ExportArchive.zip(request, parts, now);
        archives.store(request.id(), ref.businessId(), cipher.encrypt(zip, request.id()), zip.length, now,
                now.plus(properties.archiveTtl()));
        meters.counter("sellavie.privacy.export.assembled").increment();
        log.info("Export {} assembled ({} parts, {} bytes)", request.id(), parts.size(), zip.length);
    }

    @Override
    public void start() {
        scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "privacy-export-assembler");
            thread.setDaemon(true);
            return thread;
        });
        long interval = properties.assembleInterval().toMillis();
        scheduler.scheduleWithFixedDelay(() -> {
            try {
                runOnce();
            } catch (RuntimeException e) {
                log.warn("Export assembly round failed; the next one retries", e);
            }
        }, interval, interval, TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        if (scheduler != null) {
            scheduler.shutdownNow();
            scheduler = null;
        }
    }

    @Override
    public boolean isRunning() {
        return scheduler != null;
    }
}
