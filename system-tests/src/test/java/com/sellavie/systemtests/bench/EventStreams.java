package com.sellavie.systemtests.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Console live feeds ({@code GET /api/events} through the gateway), opened as a browser tab would and
 * read on their own virtual threads: each keeps every event it got with the time it arrived (this
 * machine's clock, like WireMock's, the brokers' and the services'). Events are kept raw and parsed after
 * the run, so reading costs the measured system as little as possible.
 */
final class EventStreams implements AutoCloseable {

    /** One server-sent event as a stream received it. */
    record Received(long atMillis, long id, String kind, String data) {
    }

    /** One open stream: whose it is and what it got. */
    static final class Feed {
        final int index;
        final String businessName;
        final String memberId;
        final Queue<Received> events = new ConcurrentLinkedQueue<>();
        final CountDownLatch connected = new CountDownLatch(1);
        volatile int status;
        volatile boolean ended;
        volatile String failure;
        volatile int inbound;

        Feed(int index, String businessName, String memberId) {
            this.index = index;
            this.businessName = businessName;
            this.memberId = memberId;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).executor(Executors.newVirtualThreadPerTaskExecutor()).build();
    private final String gatewayUrl;
    private final List<Feed> feeds = new ArrayList<>();
    private final List<Thread> readers = new ArrayList<>();
    private final List<String> failedOpens = new ArrayList<>();
    private volatile boolean closing;

    EventStreams(String gatewayUrl) {
        this.gatewayUrl = gatewayUrl;
    }

    List<Feed> feeds() {
        return feeds;
    }

    /**
     * Opens one stream with this member's token and waits until the service's opening comment arrived. A
     * refused open (5xx) is retried twice, as the console reconnects, and counted in {@link #failedOpens()}.
     */
    Feed open(String businessName, String memberId, String accessToken) throws InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return openOnce(businessName, memberId, accessToken);
            } catch (IllegalStateException e) {
                failedOpens.add(e.getMessage());
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** Opens that failed (then retried), each with the service's answer. */
    List<String> failedOpens() {
        return failedOpens;
    }

    private Feed openOnce(String businessName, String memberId, String accessToken) throws InterruptedException {
        Feed feed = new Feed(feeds.size(), businessName, memberId);
        HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/events"))
                .header("Accept", "text/event-stream").header("Authorization", "Bearer " + accessToken).GET().build();
        readers.add(Thread.ofVirtual().name("sse-" + feed.index).start(() -> read(feed, request)));
        if (!feed.connected.await(30, TimeUnit.SECONDS) || feed.status != 200) {
            throw new IllegalStateException("stream " + feed.index + " did not open: status " + feed.status + ", "
                    + feed.failure);
        }
        feeds.add(feed);
        return feed;
    }

    private void read(Feed feed, HttpRequest request) {
        try {
            HttpResponse<Stream<String>> response = http.send(request,
                    HttpResponse.BodyHandlers.ofLines());
            feed.status = response.statusCode();
            if (response.statusCode() != 200) {
                feed.failure = "HTTP " + response.statusCode() + ": " + String.join("\n", response.body().toList());
                feed.connected.countDown();
                return;
            }
            try (Stream<String> lines = response.body()) {
                parse(feed, lines);
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                feed.failure = e.toString();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            feed.ended = true;
            feed.connected.countDown();
        }
    }

    /** The SSE wire format as Spring writes it: {@code id:}, {@code event:}, {@code data:} lines, a blank line ends one. */
    private static void parse(Feed feed, Stream<String> lines) {
        long[] id = {-1};
        String[] kind = {null};
        String[] data = {null};
        lines.forEach(line -> {
            if (line.isEmpty()) {
                if (data[0] != null) {
                    feed.events.add(new Received(System.currentTimeMillis(), id[0], kind[0], data[0]));
                    if ("message".equals(kind[0]) && data[0].contains("\"direction\":\"INBOUND\"")) {
                        feed.inbound++;
                    }
                }
                id[0] = -1;
                kind[0] = null;
                data[0] = null;
            } else if (line.startsWith(":")) {
                feed.connected.countDown();
            } else if (line.startsWith("id:")) {
                id[0] = Long.parseLong(line.substring(3).trim());
            } else if (line.startsWith("event:")) {
                kind[0] = line.substring(6).trim();
            } else if (line.startsWith("data:")) {
                data[0] = line.substring(5).trim();
            }
        });
    }

    /** Streams that ended (dropped, failed or closed by the server) before {@link #close()}. */
    long endedEarly() {
        return feeds.stream().filter(s -> s.ended).count();
    }

    @Override
    public void close() {
        closing = true;
        readers.forEach(Thread::interrupt);
        http.shutdownNow();
    }
}
