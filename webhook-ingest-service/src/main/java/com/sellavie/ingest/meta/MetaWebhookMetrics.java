package com.sellavie.ingest.meta;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counters of what Meta sent: {@code sellavie.ingest.meta.webhooks{result}} per POST,
 * {@code sellavie.ingest.meta.handshakes{result}} per GET, and {@code sellavie.ingest.meta.events{outcome,kind}}
 * per messaging event (published or unroutable, kind message or status; or ignored with its kind: echo,
 * postback, status (one WhatsApp does not say Sellavie tracks)...).
 */
final class MetaWebhookMetrics {

    private final MeterRegistry meters;

    MetaWebhookMetrics(MeterRegistry meters) {
        this.meters = meters;
    }

    void handshake(String result) {
        meters.counter("sellavie.ingest.meta.handshakes", "result", result).increment();
    }

    void webhook(String result) {
        meters.counter("sellavie.ingest.meta.webhooks", "result", result).increment();
    }

    void events(MetaNotification notification, MetaWebhookIngestion.Outcome outcome) {
        count("published", "message", outcome.published());
        count("unroutable", "message", outcome.unroutable());
        count("published", "status", outcome.statusesPublished());
        count("unroutable", "status", outcome.statusesUnroutable());
        notification.ignored().forEach(kind -> count("ignored", kind, 1));
    }

    private void count(String outcome, String kind, int amount) {
        if (amount > 0) {
            meters.counter("sellavie.ingest.meta.events", "outcome", outcome, "kind", kind).increment(amount);
        }
    }
}
