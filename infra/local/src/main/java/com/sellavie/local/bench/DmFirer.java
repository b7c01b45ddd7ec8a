package com.sellavie.local.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/**
 * Posts DM {@code i} of the run: to shop {@code i mod shops} on the channel {@code (i / shops) mod 3}, from a
 * customer of its own (digits, unique in the run), signed as Meta signs, asynchronously; the webhook's answer
 * and the stub's sends land in the {@link Ledger}.
 */
final class DmFirer {

    static final String TEXT = "Hello! Do you ship linen shirts to Lagos?";

    private final BenchStack stack;
    private final HttpClient http;
    private final List<BenchShop> shops;
    private final Ledger ledger;
    private final String runTag;
    private final URI webhook;

    DmFirer(BenchStack stack, HttpClient http, List<BenchShop> shops, Ledger ledger, String runTag) {
        this.stack = stack;
        this.http = http;
        this.shops = shops;
        this.ledger = ledger;
        this.runTag = runTag;
        this.webhook = URI.create(stack.gatewayUrl() + "/webhooks/meta");
    }

    /** The customer of DM {@code index}: the run's tag and the index, digits only (a WhatsApp wa_id is). */
    static String customer(String runTag, int index) {
        return runTag + "%08d".formatted(index);
    }

    static String channelOf(int index, int shopCount) {
        return MetaWebhooks.CHANNELS[(index / shopCount) % MetaWebhooks.CHANNELS.length];
    }

    /**
     * Fires DM {@code index} due at {@code dueNanos} (wall clock {@code dueMillis}); never blocks on the answer.
     */
    void fire(int index, int phase, boolean measured, long dueNanos, long dueMillis) {
        BenchShop shop = shops.get(index % shops.size());
        String channelType = channelOf(index, shops.size());
        String customer = customer(runTag, index);
        Ledger.Entry entry = ledger.fired(index, phase, measured, channelType, customer, dueNanos, dueMillis);
        byte[] body = MetaWebhooks.dm(channelType, shop, customer, "bench_" + runTag + "_" + index, TEXT, dueMillis);
        HttpRequest request = HttpRequest.newBuilder(webhook).timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("X-Hub-Signature-256", stack.signWebhook(body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) ->
                ledger.answered(entry, response == null ? -1 : response.statusCode(), System.nanoTime()));
    }
}
