package com.sellavie.systemtests.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellavie.systemtests.bench.EventStreams.Feed;
import com.sellavie.systemtests.bench.EventStreams.Received;
import com.sellavie.systemtests.bench.TopicTimes.Seen;
import com.sellavie.systemtests.stack.MemberTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * SSE fan-out (docs/benchmarks.md, "Console live feed"): {@code bench.streams} console streams
 * ({@code GET /api/events} through the gateway) held by members of the benchmark's shops, one stream
 * per member, spread evenly; signed Instagram DMs POSTed open-loop at {@code bench.fanoutRate}/s,
 * round-robin over the shops, a new customer each. For each measured DM and each stream of its
 * business: webhook POST start → the DM's {@code message} event (direction INBOUND, its conversation)
 * arriving on that stream. Every stream must get every event of its business, and none of another's.
 */
final class SseFanOut {

    private static final Logger log = LoggerFactory.getLogger(SseFanOut.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String TEXT = "Hello! Is the linen shirt back in stock in size M?";

    private final int streamCount = Integer.getInteger("bench.streams", 200);
    private final int rate = Integer.getInteger("bench.fanoutRate", 10);
    private final int seconds = Integer.getInteger("bench.fanoutSeconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.fanoutWarmupSeconds", 30);
    private final int drainSeconds = Integer.getInteger("bench.drainSeconds", 30);

    private final BenchReport report;
    private final HttpClient http;
    private final String gateway;
    private final String appSecret;
    private final String kafka;
    private final MemberTokens memberTokens;

    /** One DM of the run. */
    private static final class Dm {
        final int shop;
        final String customer;
        final boolean measured;
        volatile long postStartMillis;
        volatile int status;

        Dm(int shop, String customer, boolean measured) {
            this.shop = shop;
            this.customer = customer;
            this.measured = measured;
        }
    }

    SseFanOut(BenchReport report, HttpClient http, String gateway, String appSecret, String kafka,
            MemberTokens memberTokens) {
        this.report = report;
        this.http = http;
        this.gateway = gateway;
        this.appSecret = appSecret;
        this.kafka = kafka;
        this.memberTokens = memberTokens;
    }

    void run(List<BenchShop> shops) throws Exception {
        report.line("");
        report.line("## SSE fan-out: inbound DM → event on every open console stream");
        report.line("");
        report.line("Settings: %d streams over %d businesses (one per member: the owner, then ADMIN/AGENT members), DMs at %d/s "
                .formatted(streamCount, shops.size(), rate) + "round-robin over the businesses, %d s measured after %d s warm-up"
                .formatted(seconds, warmupSeconds));
        try (EventStreams streams = new EventStreams(gateway)) {
            List<String> ownerTokens = new ArrayList<>();
            for (BenchShop shop : shops) {
                ownerTokens.add(shop.logIn(http, gateway));
            }
            Map<Feed, Integer> shopOf = new HashMap<>();
            long openStart = System.nanoTime();
            for (int i = 0; i < streamCount; i++) {
                int shop = i % shops.size();
                int nth = i / shops.size();
                String token = nth == 0 ? ownerTokens.get(shop)
                        : memberTokens.newMember(ownerTokens.get(shop), nth % 5 == 0 ? "ADMIN" : "AGENT").accessToken();
                shopOf.put(streams.open(shops.get(shop).instagramAccountId(), "member-" + nth, token), shop);
            }
            report.line("Opened %d streams through the gateway in %.1f s (each awaited until its opening comment)"
                    .formatted(streamCount, (System.nanoTime() - openStart) / 1e9));
            report.line("Opens refused and retried: %d%s".formatted(streams.failedOpens().size(),
                    streams.failedOpens().stream().limit(3).map(f -> "; " + f).reduce("", String::concat)));

            int warmup = rate * warmupSeconds;
            int total = warmup + rate * seconds;
            long run = System.currentTimeMillis() % 100_000_000L;
            List<Dm> dms = new ArrayList<>(total);
            int[] perShop = new int[shops.size()];
            for (int i = 0; i < total; i++) {
                dms.add(new Dm(i % shops.size(), "IGSID-fan-" + run + "-" + i, i >= warmup));
                perShop[i % shops.size()]++;
            }
            ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
            String loadBefore = DmLatencyBenchmark.loadAverage();
            OpenLoop.Run load = OpenLoop.run(total, rate, (i, scheduled) -> {
                Dm dm = dms.get(i);
                BenchShop shop = shops.get(dm.shop);
                long now = System.currentTimeMillis();
                byte[] body = shop.dmWebhook(dm.customer, "aWdfan" + run + "x" + i, TEXT, now);
                dm.postStartMillis = now;
                BenchShop.deliver(http, gateway, appSecret, body).whenComplete((response, error) -> {
                    dm.status = response == null ? -1 : response.statusCode();
                    if (error != null || dm.status != 200) {
                        failures.add("DM " + i + ": " + (error != null ? error : "HTTP " + dm.status));
                    }
                });
            }, log, "fan-out DMs");

            long deadline = System.currentTimeMillis() + drainSeconds * 1000L;
            while (System.currentTimeMillis() < deadline
                    && !shopOf.entrySet().stream().allMatch(e -> e.getKey().inbound >= perShop[e.getValue()])) {
                TimeUnit.MILLISECONDS.sleep(500);
            }
            TimeUnit.SECONDS.sleep(2);
            long endedEarly = streams.endedEarly();
            String loadAfter = DmLatencyBenchmark.loadAverage();
            streams.close();

            List<Map<String, String>> conversations = new ArrayList<>();
            for (int s = 0; s < shops.size(); s++) {
                conversations.add(Inbox.conversationsByCustomer(http, gateway, ownerTokens.get(s)));
            }
            List<Seen> records = TopicTimes.readAll(kafka, List.of(TopicTimes.INBOUND, TopicTimes.MESSAGES));
            analyse(shops, dms, shopOf, conversations, records, failures, load, loadBefore, loadAfter, endedEarly);
        }
    }

    /** What one stream got, indexed. */
    private record FeedIndex(Map<String, Long> firstInboundByConversation, Set<Long> ids, int resets, int foreign,
            Map<String, Integer> byKind) {
    }

    private static FeedIndex index(Feed feed, Set<String> ownConversations) {
        Map<String, Long> firstInbound = new HashMap<>();
        Set<Long> ids = new HashSet<>();
        Map<String, Integer> byKind = new TreeMap<>();
        int resets = 0;
        int foreign = 0;
        for (Received event : feed.events) {
            byKind.merge(event.kind(), 1, Integer::sum);
            if ("reset".equals(event.kind())) {
                resets++;
                continue;
            }
            ids.add(event.id());
            JsonNode data = json(event.data());
            String conversation = data.path("conversationId").asText();
            if (!ownConversations.contains(conversation)) {
                foreign++;
            }
            if ("message".equals(event.kind()) && "INBOUND".equals(data.path("direction").asText())) {
                firstInbound.putIfAbsent(conversation, event.atMillis());
            }
        }
        return new FeedIndex(firstInbound, ids, resets, foreign, byKind);
    }

    private void analyse(List<BenchShop> shops, List<Dm> dms, Map<Feed, Integer> shopOf,
            List<Map<String, String>> conversations, List<Seen> records, ConcurrentLinkedQueue<String> failures,
            OpenLoop.Run load, String loadBefore, String loadAfter, long endedEarly) {
        List<Set<String>> ownConversations = conversations.stream().map(m -> (Set<String>) new HashSet<>(m.values()))
                .toList();
        Map<Feed, FeedIndex> indexes = new HashMap<>();
        shopOf.forEach((feed, shop) -> indexes.put(feed, index(feed, ownConversations.get(shop))));
        List<Set<Long>> idsByShop = new ArrayList<>();
        shops.forEach(s -> idsByShop.add(new HashSet<>()));
        indexes.forEach((feed, index) -> idsByShop.get(shopOf.get(feed)).addAll(index.ids()));
        long complete = indexes.entrySet().stream().filter(e -> e.getValue().resets() == 0
                && e.getValue().ids().equals(idsByShop.get(shopOf.get(e.getKey())))).count();
        int resets = indexes.values().stream().mapToInt(FeedIndex::resets).sum();
        int foreign = indexes.values().stream().mapToInt(FeedIndex::foreign).sum();
        long eventsReceived = indexes.values().stream().mapToLong(i -> i.byKind().values().stream()
                .mapToLong(Integer::longValue).sum()).sum();
        Map<String, Integer> kinds = new TreeMap<>();
        indexes.values().forEach(i -> i.byKind().forEach((k, n) -> kinds.merge(k, n, Integer::sum)));

        Map<String, Long> inboundOnKafka = new HashMap<>();
        Map<String, String> correlationByKey = new HashMap<>();
        Map<String, Long> recordedByCorrelation = new HashMap<>();
        for (Seen seen : records) {
            if (seen.topic().equals(TopicTimes.INBOUND) && !inboundOnKafka.containsKey(seen.key())) {
                inboundOnKafka.put(seen.key(), seen.timestamp());
                correlationByKey.put(seen.key(), seen.correlationId());
            } else if (seen.topic().equals(TopicTimes.MESSAGES) && seen.eventType() != null
                    && seen.eventType().endsWith("MessageRecorded")) {
                recordedByCorrelation.merge(seen.correlationId(), seen.timestamp(), Math::min);
            }
        }

        List<Long> deliveries = new ArrayList<>();
        List<Long> firstDelivery = new ArrayList<>();
        List<Long> lastDelivery = new ArrayList<>();
        List<Long> spread = new ArrayList<>();
        List<Long> toKafka = new ArrayList<>();
        List<Long> kafkaToFirst = new ArrayList<>();
        List<Long> kafkaToRecordedOnKafka = new ArrayList<>();
        Map<Long, List<Long>> byWindow = new TreeMap<>();
        long expected = 0;
        long missing = 0;
        int unknownConversation = 0;
        List<Dm> measured = dms.stream().filter(d -> d.measured).toList();
        long firstPost = measured.isEmpty() ? 0 : measured.getFirst().postStartMillis;
        for (Dm dm : measured) {
            String conversation = conversations.get(dm.shop).get(dm.customer);
            List<FeedIndex> ownFeeds = shopOf.entrySet().stream().filter(e -> e.getValue() == dm.shop)
                    .map(e -> indexes.get(e.getKey())).toList();
            expected += ownFeeds.size();
            if (conversation == null) {
                unknownConversation++;
                missing += ownFeeds.size();
                continue;
            }
            long first = Long.MAX_VALUE;
            long last = Long.MIN_VALUE;
            for (FeedIndex feed : ownFeeds) {
                Long at = feed.firstInboundByConversation().get(conversation);
                if (at == null) {
                    missing++;
                    continue;
                }
                long latency = at - dm.postStartMillis;
                deliveries.add(latency);
                byWindow.computeIfAbsent((dm.postStartMillis - firstPost) / 10_000, w -> new ArrayList<>()).add(latency);
                first = Math.min(first, at);
                last = Math.max(last, at);
            }
            if (first == Long.MAX_VALUE) {
                continue;
            }
            firstDelivery.add(first - dm.postStartMillis);
            lastDelivery.add(last - dm.postStartMillis);
            spread.add(last - first);
            String key = shops.get(dm.shop).instagramAccountId() + ":" + dm.customer;
            Long onKafka = inboundOnKafka.get(key);
            if (onKafka != null) {
                toKafka.add(onKafka - dm.postStartMillis);
                kafkaToFirst.add(first - onKafka);
                Long recorded = recordedByCorrelation.get(correlationByKey.get(key));
                if (recorded != null) {
                    kafkaToRecordedOnKafka.add(recorded - onKafka);
                }
            }
        }

        Stats all = Stats.of(deliveries);
        report.line("");
        report.line("Load average (1/5/15 min): before %s; 1-min samples during the load: %s; after the drain %s"
                .formatted(loadBefore, String.join(", ", load.loadSamples()), loadAfter));
        Stats late = Stats.of(load.latenessMillis());
        report.line("Pacing: scheduler lateness p50 %d ms, p99 %d ms, max %d ms (latency counts from the actual POST)"
                .formatted(late.p50(), late.p99(), late.max()));
        report.line("");
        report.line("| streams | measured DMs | deliveries expected | delivered | missing | streams with every event "
                + "of their business | resets | other businesses' events | streams ended early | webhook errors |");
        report.line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.line("| %d | %d | %d | %d | **%d** | **%d of %d** | %d | **%d** | %d | %d |".formatted(shopOf.size(),
                measured.size(), expected, deliveries.size(), missing, complete, shopOf.size(), resets, foreign,
                endedEarly, failures.size()));
        if (unknownConversation > 0) {
            report.line("DMs whose conversation is not in the inbox: %d".formatted(unknownConversation));
        }
        report.line("");
        report.line("Events received by all streams over the run: %d (%s)".formatted(eventsReceived, kinds));
        report.line("");
        report.line("| ms | n | p50 | p95 | p99 | max | mean |");
        report.line("|---|---:|---:|---:|---:|---:|---:|");
        report.line(all.row("**webhook POST → the DM's event on a stream (every stream delivery)**"));
        report.line(Stats.of(firstDelivery).row("webhook POST → first stream of the business"));
        report.line(Stats.of(lastDelivery).row("webhook POST → last stream of the business"));
        report.line(Stats.of(spread).row("spread: first → last stream, per DM"));
        report.line(Stats.of(toKafka).row("webhook POST → InboundMessageReceived on Kafka (gateway, ingest, relay)"));
        report.line(Stats.of(kafkaToFirst).row("InboundMessageReceived on Kafka → first stream (conversation: consume, "
                + "commit, NOTIFY, LISTEN, fan-out; gateway)"));
        report.line(Stats.of(kafkaToRecordedOnKafka).row("(for comparison: InboundMessageReceived → MessageRecorded on "
                + "Kafka, the outbox path)"));
        report.line("");
        report.line("Over time (by when the DM was posted), every stream delivery:");
        report.line("");
        report.line("| window | deliveries | p50 | p99 | max |");
        report.line("|---|---:|---:|---:|---:|");
        byWindow.forEach((window, values) -> {
            Stats stats = Stats.of(values);
            report.line("| %d–%d s | %d | %d ms | %d ms | %d ms |".formatted(window * 10, window * 10 + 10, values.size(),
                    stats.p50(), stats.p99(), stats.max()));
        });
        shopOf.keySet().stream().filter(f -> f.failure != null).limit(5)
                .forEach(f -> report.line("Stream " + f.index + " failed: " + f.failure));
        failures.stream().limit(10).forEach(f -> report.line("Failure: " + f));
    }

    private static JsonNode json(String data) {
        try {
            return JSON.readTree(data);
        } catch (IOException e) {
            throw new UncheckedIOException("an event's data is not JSON: " + data, e);
        }
    }
}
