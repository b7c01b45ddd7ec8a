package com.sellavie.systemtests.bench;

import com.sellavie.systemtests.bench.SendApiJournal.Arrival;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Team replies (docs/benchmarks.md, "Team replies"): {@code bench.replyConversations} conversations,
 * each opened by a customer's DM (so Instagram's 24 h window is open) and answered by the assistant,
 * then taken over by the shop's owner ({@code POST …/takeover}, HUMAN mode); then {@code POST
 * /api/conversations/{id}/messages} open-loop at {@code bench.replyRate}/s, round-robin over them. Per
 * measured reply: its scheduled time → the Send API call carrying its text at the Meta stub. Lost = no
 * such call within the drain time; duplicated = more than one.
 */
final class TeamReplies {

    private static final Logger log = LoggerFactory.getLogger(TeamReplies.class);

    private final int conversationCount = Integer.getInteger("bench.replyConversations", 100);
    private final int rate = Integer.getInteger("bench.replyRate", 20);
    private final int seconds = Integer.getInteger("bench.replySeconds", 60);
    private final int warmupSeconds = Integer.getInteger("bench.replyWarmupSeconds", 30);
    private final int drainSeconds = Integer.getInteger("bench.drainSeconds", 30);

    private final BenchReport report;
    private final HttpClient http;
    private final String gateway;
    private final String appSecret;
    private final SendApiJournal journal;

    /** A conversation the team answers: its shop and id. */
    private record Conversation(int shop, String customer, String id) {
    }

    /** One team reply of the run. */
    private static final class Reply {
        final Conversation conversation;
        final String text;
        final boolean measured;
        volatile long scheduledMillis;
        volatile long postStartMillis;
        volatile long answeredMillis;
        volatile int status;

        Reply(Conversation conversation, String text, boolean measured) {
            this.conversation = conversation;
            this.text = text;
            this.measured = measured;
        }
    }

    TeamReplies(BenchReport report, HttpClient http, String gateway, String appSecret, SendApiJournal journal) {
        this.report = report;
        this.http = http;
        this.gateway = gateway;
        this.appSecret = appSecret;
        this.journal = journal;
    }

    void run(List<BenchShop> shops) throws Exception {
        report.line("");
        report.line("## Team replies: POST /api/conversations/{id}/messages → Send API call");
        report.line("");
        report.line(("Settings: %d conversations taken over (HUMAN) over %d businesses, their customers' DMs minutes old "
                + "(inside the 24 h window); replies at %d/s round-robin over them, %d s measured after %d s warm-up")
                .formatted(conversationCount, shops.size(), rate, seconds, warmupSeconds));
        long run = System.currentTimeMillis() % 100_000_000L;
        List<String> tokens = new ArrayList<>();
        for (BenchShop shop : shops) {
            tokens.add(shop.logIn(http, gateway));
        }
        List<Conversation> conversations = openConversations(shops, tokens, run);

        int warmup = rate * warmupSeconds;
        int total = warmup + rate * seconds;
        List<Reply> replies = new ArrayList<>(total);
        for (int i = 0; i < total; i++) {
            replies.add(new Reply(conversations.get(i % conversations.size()),
                    "Team reply " + run + "-" + i + ": yes, size M ships tomorrow.", i >= warmup));
        }
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        String loadBefore = DmLatencyBenchmark.loadAverage();
        OpenLoop.Run load = OpenLoop.run(total, rate, (i, scheduled) -> {
            Reply reply = replies.get(i);
            reply.scheduledMillis = scheduled;
            reply.postStartMillis = System.currentTimeMillis();
            HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/conversations/"
                            + reply.conversation.id() + "/messages"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json")
                    .header("Authorization", "Bearer " + tokens.get(reply.conversation.shop()))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"text\":\"" + reply.text + "\"}"))
                    .build();
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
                reply.answeredMillis = System.currentTimeMillis();
                reply.status = response == null ? -1 : response.statusCode();
                if (error != null || reply.status != 201) {
                    failures.add("reply " + i + ": " + (error != null ? error : "HTTP " + reply.status + " " + response.body()));
                }
            });
        }, log, "team replies");

        List<Reply> measured = replies.stream().filter(r -> r.measured).toList();
        long deadline = System.currentTimeMillis() + drainSeconds * 1000L;
        Map<String, List<Long>> sends;
        do {
            TimeUnit.SECONDS.sleep(1);
            sends = byText(journal.sends());
        } while (System.currentTimeMillis() < deadline && !allSent(measured, sends));
        TimeUnit.SECONDS.sleep(3);
        sends = byText(journal.sends());
        analyse(measured, sends, failures, load, loadBefore, DmLatencyBenchmark.loadAverage());
    }

    /**
     * One customer DM per conversation (round-robin over the shops), the assistant's answer awaited at the
     * Send API, then the owner takes each over.
     */
    private List<Conversation> openConversations(List<BenchShop> shops, List<String> tokens, long run) throws Exception {
        List<String> customers = new ArrayList<>();
        for (int i = 0; i < conversationCount; i++) {
            customers.add("IGSID-team-" + run + "-" + i);
        }
        OpenLoop.run(conversationCount, rate, (i, scheduled) -> {
            BenchShop shop = shops.get(i % shops.size());
            byte[] body = shop.dmWebhook(customers.get(i), "aWdteam" + run + "x" + i, "Hi, I need help with my size",
                    System.currentTimeMillis());
            BenchShop.deliver(http, gateway, appSecret, body);
        }, log, "conversations for the team");
        long deadline = System.currentTimeMillis() + 120_000;
        while (true) {
            List<Arrival> sends = journal.sends();
            if (customers.stream().allMatch(c -> sends.stream().anyMatch(a -> a.recipientId().equals(c)))) {
                break;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("the assistant did not answer every team conversation's first DM");
            }
            TimeUnit.SECONDS.sleep(1);
        }
        List<Map<String, String>> inboxes = new ArrayList<>();
        for (String token : tokens) {
            inboxes.add(Inbox.conversationsByCustomer(http, gateway, token));
        }
        List<Conversation> conversations = new ArrayList<>();
        for (int i = 0; i < conversationCount; i++) {
            int shop = i % shops.size();
            String id = inboxes.get(shop).get(customers.get(i));
            if (id == null) {
                throw new IllegalStateException("no conversation for " + customers.get(i));
            }
            BenchShop.post(http, gateway + "/api/conversations/" + id + "/takeover", Map.of(), tokens.get(shop), 200);
            conversations.add(new Conversation(shop, customers.get(i), id));
        }
        log.info("{} conversations taken over", conversations.size());
        return conversations;
    }

    private static Map<String, List<Long>> byText(List<Arrival> arrivals) {
        Map<String, List<Long>> byText = new HashMap<>();
        arrivals.forEach(a -> byText.computeIfAbsent(a.text(), t -> new ArrayList<>()).add(a.receivedAtMillis()));
        byText.values().forEach(list -> list.sort(Long::compare));
        return byText;
    }

    private static boolean allSent(List<Reply> replies, Map<String, List<Long>> sends) {
        return replies.stream().allMatch(r -> sends.containsKey(r.text));
    }

    private void analyse(List<Reply> measured, Map<String, List<Long>> sends, ConcurrentLinkedQueue<String> failures,
            OpenLoop.Run load, String loadBefore, String loadAfter) {
        List<Long> endToEnd = new ArrayList<>();
        List<Long> accepted = new ArrayList<>();
        List<Long> acceptedToSend = new ArrayList<>();
        Map<Long, List<Long>> byWindow = new TreeMap<>();
        int lost = 0;
        int duplicated = 0;
        long first = measured.isEmpty() ? 0 : measured.getFirst().scheduledMillis;
        for (Reply reply : measured) {
            if (reply.status == 201) {
                accepted.add(reply.answeredMillis - reply.scheduledMillis);
            }
            List<Long> arrivals = sends.get(reply.text);
            if (arrivals == null) {
                lost++;
                continue;
            }
            if (arrivals.size() > 1) {
                duplicated++;
            }
            long latency = arrivals.getFirst() - reply.scheduledMillis;
            endToEnd.add(latency);
            if (reply.status == 201) {
                acceptedToSend.add(arrivals.getFirst() - reply.answeredMillis);
            }
            byWindow.computeIfAbsent((reply.scheduledMillis - first) / 10_000, w -> new ArrayList<>()).add(latency);
        }
        long errors = measured.stream().filter(r -> r.status != 201).count();
        Stats e2e = Stats.of(endToEnd);
        Stats late = Stats.of(load.latenessMillis());
        report.line("");
        report.line("Load average (1/5/15 min): before %s; 1-min samples during the load: %s; after the drain %s"
                .formatted(loadBefore, String.join(", ", load.loadSamples()), loadAfter));
        report.line("Pacing: scheduler lateness p50 %d ms, p99 %d ms, max %d ms (latency counts from the scheduled time)"
                .formatted(late.p50(), late.p99(), late.max()));
        report.line("");
        report.line("| measured replies | sent | lost | duplicated | errors (not 201) | p50 | p95 | p99 | max | mean |");
        report.line("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        report.line("| %d | %d | **%d** | **%d** | %d | **%d ms** | %d ms | **%d ms** | %d ms | %.0f ms |".formatted(
                measured.size(), endToEnd.size(), lost, duplicated, errors, e2e.p50(), e2e.p95(), e2e.p99(),
                e2e.max(), e2e.mean()));
        report.line("");
        report.line("| ms | n | p50 | p95 | p99 | max | mean |");
        report.line("|---|---:|---:|---:|---:|---:|---:|");
        report.line(Stats.of(accepted).row("scheduled → 201 (reply recorded PENDING)"));
        report.line(Stats.of(acceptedToSend).row("201 → Send API call (scheduler claim, window check, ATTEMPTING, HTTP)"));
        report.line(e2e.row("**scheduled → Send API call received**"));
        report.line("");
        report.line("| window | replies | p50 | p99 | max |");
        report.line("|---|---:|---:|---:|---:|");
        byWindow.forEach((window, values) -> {
            Stats stats = Stats.of(values);
            report.line("| %d–%d s | %d | %d ms | %d ms | %d ms |".formatted(window * 10, window * 10 + 10, values.size(),
                    stats.p50(), stats.p99(), stats.max()));
        });
        failures.stream().limit(10).forEach(f -> report.line("Failure: " + f));
    }
}
