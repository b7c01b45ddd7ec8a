package com.sellavie.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.systemtests.bench.SendApiJournal.Arrival;
import com.sellavie.systemtests.bench.TopicTimes.Seen;
import com.sellavie.systemtests.stack.SellavieStack;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checkout and payment latency (docs/benchmarks.md, "Checkout link" and "Payment to receipt"): the
 * whole stack as in system-tests, N shops each selling a linen shirt with Stripe (the Stripe stub
 * answering Checkout Session creation in {@code bench.providerDelayMs}, 200 ms by default).
 * <ol>
 * <li>Orders: "I'd like 2 linen shirts" DMs open-loop at {@code bench.orderRate}/s, one new customer
 * each; per DM, ReplyGenerated on Kafka (the assistant's CHECKOUT action) → the payment link's
 * Send API call, and the DM's POST → that call.</li>
 * <li>Payments: for every order, Stripe's signed {@code checkout.session.completed} POSTed
 * open-loop at {@code bench.paymentRate}/s (50 by default) through the gateway; per payment, POST →
 * its acknowledgement, POST → OrderPaid on Kafka, POST → the receipt's Send API call. Lost = no
 * receipt within the drain time; duplicated = two receipts to one customer.</li>
 * </ol>
 * Not a test: {@code ./mvnw -B -o -pl system-tests -Pbench-payments verify}.
 */
public final class PaymentLatencyBenchmark {

    private static final Logger log = LoggerFactory.getLogger(PaymentLatencyBenchmark.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DM_TEXT = "Hi! I'd like 2 linen shirts please";
    private static final Pattern SESSION = Pattern.compile("(cs_test_[A-Za-z0-9]+)");
    private static final Pattern INVOICE = Pattern.compile("INV-\\d{4}-\\d{6}");
    private static final long SHIRT_MINOR = 4500;

    private final int orderRate = Integer.getInteger("bench.orderRate", 10);
    private final int orderSeconds = Integer.getInteger("bench.orderSeconds", 40);
    private final int orderWarmupSeconds = Integer.getInteger("bench.orderWarmupSeconds", 20);
    private final int paymentRate = Integer.getInteger("bench.paymentRate", 50);
    private final int shopCount = Integer.getInteger("bench.shops", 5);
    private final int drainSeconds = Integer.getInteger("bench.drainSeconds", 60);
    private final int providerDelayMs = Integer.getInteger("bench.providerDelayMs", 200);
    private final String synchronousCommit = System.getProperty("bench.synchronousCommit", "on");
    private final Path reportFile = Path.of(System.getProperty("bench.report", "target/bench/payment-latency.md"));
    private final List<String> report = new ArrayList<>();

    /** A shop that sells with Stripe: where its Stripe webhooks go and the secret that signs them. */
    private record StripeShop(BenchShop shop, String token, String webhookPath, String webhookSecret) {
    }

    /** One DM asking for shirts, and later its order's payment. */
    private static final class Purchase {
        final StripeShop shop;
        final String customer;
        final boolean measured;
        volatile long dmPostMillis;
        String sessionId;
        String orderId;
        volatile long paymentPostMillis;
        volatile long paymentAckMillis;
        volatile int paymentStatus;

        Purchase(StripeShop shop, String customer, boolean measured) {
            this.shop = shop;
            this.customer = customer;
            this.measured = measured;
        }
    }

    public static void main(String[] args) {
        int exit = 0;
        try {
            new PaymentLatencyBenchmark().run();
        } catch (Exception | AssertionError e) {
            log.error("Benchmark failed", e);
            exit = 1;
        }
        System.exit(exit);
    }

    private void run() throws Exception {
        line("# Checkout link and payment to receipt — run of " + Instant.now());
        line("");
        line("JVM: %s %s, %d processors; load average at start: %s".formatted(System.getProperty("java.vm.name"),
                System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
                DmLatencyBenchmark.loadAverage()));
        line(("Settings: orders %d DMs/s for %d s after %d s warm-up; payments %d webhooks/s; %d shops; Stripe "
                + "stub answering in %d ms; drain %d s; PostgreSQL synchronous_commit=%s").formatted(orderRate,
                orderSeconds, orderWarmupSeconds, paymentRate, shopCount, providerDelayMs, drainSeconds,
                synchronousCommit));
        DmLatencyBenchmark.setSynchronousCommit(TestPostgres.get(), synchronousCommit);
        String kafka = TestKafka.bootstrapServers();
        TestSchemaRegistry.baseUrl();
        try (SellavieStack stack = SellavieStack.start()) {
            stack.paymentProviders().stripeSessionDelay(Duration.ofMillis(providerDelayMs));
            measure(stack, kafka);
        } finally {
            Files.createDirectories(reportFile.toAbsolutePath().getParent());
            Files.writeString(reportFile, String.join("\n", report) + "\n", StandardCharsets.UTF_8);
            log.info("Report written to {}", reportFile.toAbsolutePath());
        }
    }

    private void measure(SellavieStack stack, String kafka) throws Exception {
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).executor(Executors.newFixedThreadPool(8)).build();
        String gateway = stack.gatewayUrl();
        List<StripeShop> shops = new ArrayList<>();
        for (BenchShop shop : DmLatencyBenchmark.openShops(http, gateway, kafka, shopCount, stack.metaGraphApi(),
                stack.mail())) {
            shops.add(sellWithStripe(http, gateway, shop));
        }
        Thread.sleep(5000); // the ai-service learns the catalog from commerce.catalog
        SendApiJournal journal = new SendApiJournal(http, stack.metaGraphApi().graphUrl());
        String appSecret = stack.secrets().metaAppSecret();

        // 1. orders
        int warmup = orderRate * orderWarmupSeconds;
        int total = warmup + orderRate * orderSeconds;
        long run = System.currentTimeMillis() % 100_000_000L;
        List<Purchase> purchases = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            purchases.add(new Purchase(shops.get(i % shops.size()), "IGSID-pay-" + run + "-" + i, i >= warmup));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        openLoop(orderRate, total, i -> {
            Purchase purchase = purchases.get(i);
            long now = System.currentTimeMillis();
            purchase.dmPostMillis = now;
            byte[] body = purchase.shop.shop().dmWebhook(purchase.customer, "aWdfpay" + run + "x" + i, DM_TEXT, now);
            return BenchShop.deliver(http, gateway, appSecret, body).whenComplete((response, error) -> {
                if (error != null || response.statusCode() != 200) {
                    failures.add("DM " + i + ": " + (error != null ? error : "HTTP " + response.statusCode()));
                }
            });
        }, "DMs");
        Map<String, List<Arrival>> sends = awaitSends(journal, purchases, 2);
        List<Seen> replies = TopicTimes.readAll(kafka, List.of(TopicTimes.INBOUND, TopicTimes.AI_REPLIES));
        analyseOrders(purchases, sends, replies);

        // 2. payments, for every order that got its link
        for (Purchase purchase : purchases) {
            purchase.sessionId = sends.getOrDefault(purchase.customer, List.of()).stream().map(a -> SESSION.matcher(a.text()))
                    .filter(Matcher::find).map(m -> m.group(1)).findFirst().orElse(null);
        }
        Map<String, String> orderBySession = new HashMap<>();
        for (StripeShop shop : shops) {
            orderBySession.putAll(ordersBySession(http, gateway, shop));
        }
        List<Purchase> payable = new ArrayList<>(purchases.stream().filter(p -> p.sessionId != null
                && orderBySession.containsKey(p.sessionId)).toList());
        payable.forEach(p -> p.orderId = orderBySession.get(p.sessionId));
        Collections.shuffle(payable, new Random(42));
        line("");
        line("Orders with a payment link: %d of %d DMs; paying all of them at %d/s".formatted(payable.size(),
                purchases.size(), paymentRate));
        openLoop(paymentRate, payable.size(), i -> {
            Purchase purchase = payable.get(i);
            byte[] body = stripeCompleted(purchase).getBytes(StandardCharsets.UTF_8);
            long now = System.currentTimeMillis();
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + purchase.shop.webhookPath()))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("Stripe-Signature", stripeSignature(body, purchase.shop.webhookSecret(), now / 1000))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            purchase.paymentPostMillis = now;
            return http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
                purchase.paymentAckMillis = System.currentTimeMillis();
                purchase.paymentStatus = response == null ? -1 : response.statusCode();
                if (error != null || purchase.paymentStatus != 200) {
                    failures.add("payment " + i + ": " + (error != null ? error : "HTTP " + purchase.paymentStatus));
                }
            });
        }, "payment webhooks");
        Map<String, List<Arrival>> after = awaitSends(journal, payable, 3);
        List<Seen> orders = TopicTimes.readAll(kafka, List.of("commerce.orders"));
        analysePayments(payable, after, orders, failures);
    }

    private StripeShop sellWithStripe(HttpClient http, String gateway, BenchShop shop) {
        String token = shop.logIn(http, gateway);
        Map<String, Object> shirt = new LinkedHashMap<>();
        shirt.put("sku", "LINEN-SHIRT");
        shirt.put("name", "Linen shirt");
        shirt.put("priceMinor", SHIRT_MINOR);
        shirt.put("currency", "EUR");
        shirt.put("stock", null);
        shirt.put("active", true);
        BenchShop.put(http, gateway + "/api/catalog/products/LINEN-SHIRT", shirt, token, 201);
        String random = UUID.randomUUID().toString().replace("-", "");
        String webhookSecret = "whsec_" + random;
        JsonNode stripe = BenchShop.put(http, gateway + "/api/payments/providers/STRIPE", Map.of("secretKey",
                "sk_test_" + random, "publicKey", "pk_test_" + random, "webhookSecret", webhookSecret, "mode", "TEST",
                "currency", "EUR", "isDefault", true), token, 201);
        return new StripeShop(shop, token, URI.create(stripe.path("webhookUrl").asText()).getPath(), webhookSecret);
    }

    /** Fires {@code count} calls at fixed times, {@code rate} per second, never waiting for an answer. */
    private void openLoop(int rate, int count, IntFunction<java.util.concurrent.CompletableFuture<?>> call, String what)
            throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        CountDownLatch done = new CountDownLatch(count);
        ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();
        pacer.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i < count) {
                call.apply(i).whenComplete((r, e) -> done.countDown());
            }
        }, 100, 1_000_000L / rate, TimeUnit.MICROSECONDS);
        while (next.get() < count) {
            Thread.sleep(5_000);
            log.info("{} of {} {} posted, load average {}", Math.min(next.get(), count), count, what,
                    DmLatencyBenchmark.loadAverage());
        }
        pacer.shutdown();
        if (!done.await(60, TimeUnit.SECONDS)) {
            log.warn("{} {} unanswered after 60 s", done.getCount(), what);
        }
    }

    /** Waits (at most the drain time) until every purchase's customer got {@code count} messages. */
    private Map<String, List<Arrival>> awaitSends(SendApiJournal journal, List<Purchase> purchases, int count)
            throws InterruptedException {
        long deadline = System.currentTimeMillis() + drainSeconds * 1000L;
        Map<String, List<Arrival>> byRecipient;
        do {
            Thread.sleep(1000);
            byRecipient = byRecipient(journal.sends());
            Map<String, List<Arrival>> seen = byRecipient;
            if (purchases.stream().allMatch(p -> seen.getOrDefault(p.customer, List.of()).size() >= count)) {
                break;
            }
        } while (System.currentTimeMillis() < deadline);
        Thread.sleep(3000);
        return byRecipient(journal.sends());
    }

    private void analyseOrders(List<Purchase> purchases, Map<String, List<Arrival>> sends, List<Seen> records) {
        Map<String, String> correlationByInboundKey = new HashMap<>();
        Map<String, Long> replyByCorrelation = new HashMap<>();
        for (Seen seen : records) {
            if (seen.topic().equals(TopicTimes.INBOUND)) {
                correlationByInboundKey.putIfAbsent(seen.key(), seen.correlationId());
            } else {
                replyByCorrelation.merge(seen.correlationId(), seen.timestamp(), Math::min);
            }
        }
        List<Long> replyToLink = new ArrayList<>();
        List<Long> dmToLink = new ArrayList<>();
        int withoutLink = 0;
        for (Purchase purchase : purchases) {
            if (!purchase.measured) {
                continue;
            }
            Arrival link = sends.getOrDefault(purchase.customer, List.of()).stream()
                    .filter(a -> SESSION.matcher(a.text()).find()).findFirst().orElse(null);
            if (link == null) {
                withoutLink++;
                continue;
            }
            dmToLink.add(link.receivedAtMillis() - purchase.dmPostMillis);
            String correlation = correlationByInboundKey.get(purchase.shop.shop().instagramAccountId() + ":"
                    + purchase.customer);
            Long reply = correlation == null ? null : replyByCorrelation.get(correlation);
            if (reply != null) {
                replyToLink.add(link.receivedAtMillis() - reply);
            }
        }
        line("");
        line("## Checkout link (%d measured DMs, %d without a link after the drain)".formatted(
                purchases.stream().filter(p -> p.measured).count(), withoutLink));
        line("");
        line("| ms | n | p50 | p95 | p99 | max | mean |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        line(Stats.of(replyToLink).row("ReplyGenerated on Kafka → link at the Send API (commerce: consume, price, "
                + "Stripe " + providerDelayMs + " ms, link message; conversation: send)"));
        line(Stats.of(dmToLink).row("DM webhook POST → link at the Send API (end to end)"));
    }

    private void analysePayments(List<Purchase> payable, Map<String, List<Arrival>> sends, List<Seen> orders,
            ConcurrentLinkedQueue<String> failures) {
        Map<String, Long> paidByOrder = new HashMap<>();
        Map<String, Integer> paidCount = new HashMap<>();
        for (Seen seen : orders) {
            if (seen.eventType().endsWith("OrderPaid")) {
                paidByOrder.merge(seen.key(), seen.timestamp(), Math::min);
                paidCount.merge(seen.key(), 1, Integer::sum);
            }
        }
        List<Long> ack = new ArrayList<>();
        List<Long> toPaid = new ArrayList<>();
        List<Long> toReceipt = new ArrayList<>();
        List<Long> paidToReceipt = new ArrayList<>();
        int lost = 0;
        int duplicated = 0;
        int doublePaid = 0;
        for (Purchase purchase : payable) {
            if (purchase.paymentAckMillis > 0) {
                ack.add(purchase.paymentAckMillis - purchase.paymentPostMillis);
            }
            Long paid = paidByOrder.get(purchase.orderId);
            if (paid != null) {
                toPaid.add(paid - purchase.paymentPostMillis);
            }
            if (paidCount.getOrDefault(purchase.orderId, 0) > 1) {
                doublePaid++;
            }
            List<Arrival> receipts = sends.getOrDefault(purchase.customer, List.of()).stream()
                    .filter(a -> INVOICE.matcher(a.text()).find()).toList();
            if (receipts.isEmpty()) {
                lost++;
                continue;
            }
            if (receipts.size() > 1) {
                duplicated++;
            }
            toReceipt.add(receipts.getFirst().receivedAtMillis() - purchase.paymentPostMillis);
            if (paid != null) {
                paidToReceipt.add(receipts.getFirst().receivedAtMillis() - paid);
            }
        }
        line("");
        line("## Payment webhook to receipt (%d payments at %d/s; lost %d, duplicated receipts %d, OrderPaid twice %d, "
                .formatted(payable.size(), paymentRate, lost, duplicated, doublePaid)
                + "failed POSTs %d)".formatted(failures.size()));
        line("");
        line("| ms | n | p50 | p95 | p99 | max | mean |");
        line("|---|---:|---:|---:|---:|---:|---:|");
        line(Stats.of(ack).row("webhook POST → 200 (gateway, ingest: verify, outbox)"));
        line(Stats.of(toPaid).row("webhook POST → OrderPaid on Kafka (ingest relay, commerce: reconcile, relay)"));
        line(Stats.of(paidToReceipt).row("OrderPaid → receipt at the Send API (invoice, receipt request, conversation send)"));
        line(Stats.of(toReceipt).row("**webhook POST → receipt at the Send API**"));
        failures.stream().limit(10).forEach(f -> line("- " + f));
        line("");
        line("Load average at the end: " + DmLatencyBenchmark.loadAverage());
    }

    private static Map<String, String> ordersBySession(HttpClient http, String gateway, StripeShop shop)
            throws IOException, InterruptedException {
        Map<String, String> bySession = new HashMap<>();
        for (int page = 0; ; page++) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(gateway
                    + "/api/orders?limit=100&page=" + page)).header("Authorization", "Bearer " + shop.token())
                    .timeout(Duration.ofSeconds(30)).GET().build(), HttpResponse.BodyHandlers.ofString());
            for (JsonNode order : JSON.readTree(response.body())) {
                bySession.put(order.path("reference").asText(), order.path("id").asText());
            }
            if (!"true".equals(response.headers().firstValue("X-Has-More").orElse("false"))) {
                return bySession;
            }
        }
    }

    /** Stripe's checkout.session.completed for the purchase's session (PROVIDERS.md §4). */
    private static String stripeCompleted(Purchase purchase) {
        String event = "evt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return ("{\"id\":\"%s\",\"object\":\"event\",\"created\":%d,\"livemode\":false,\"pending_webhooks\":1,"
                + "\"type\":\"checkout.session.completed\",\"data\":{\"object\":{\"id\":\"%s\",\"object\":"
                + "\"checkout.session\",\"client_reference_id\":\"%s\",\"metadata\":{\"order_id\":\"%s\"},"
                + "\"amount_total\":%d,\"currency\":\"eur\",\"payment_status\":\"paid\",\"status\":\"complete\","
                + "\"mode\":\"payment\",\"payment_intent\":\"pi_%s\"}}}").formatted(event,
                System.currentTimeMillis() / 1000, purchase.sessionId, purchase.orderId, purchase.orderId,
                2 * SHIRT_MINOR, event.substring(4));
    }

    private static String stripeSignature(byte[] body, String secret, long timestamp) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, List<Arrival>> byRecipient(List<Arrival> arrivals) {
        Map<String, List<Arrival>> byRecipient = new HashMap<>();
        arrivals.forEach(a -> byRecipient.computeIfAbsent(a.recipientId(), r -> new ArrayList<>()).add(a));
        byRecipient.values().forEach(list -> list.sort((a, b) -> Long.compare(a.receivedAtMillis(), b.receivedAtMillis())));
        return byRecipient;
    }

    private void line(String text) {
        report.add(text);
        log.info(text);
    }
}
