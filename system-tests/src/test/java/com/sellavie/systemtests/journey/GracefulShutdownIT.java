package com.sellavie.systemtests.journey;

import static com.sellavie.systemtests.journey.Replies.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import com.sellavie.systemtests.stack.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6 point 10: on SIGTERM (a rolling deployment, a scale-down) every service is gone within
 * 10 s, and a reply being sent at that moment is finished and recorded, not left maybe-sent.
 *
 * <p>The reply in flight goes first, while every other service runs; the others are then stopped one by one
 * and left stopped. The class runs last ({@code @Order}, failsafe's class orderer), so no later journey waits for
 * them to start again; run before another, that class starts them (SellavieStackExtension).
 */
@ExtendWith(SellavieStackExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Order(Integer.MAX_VALUE)
class GracefulShutdownIT {

    private static final Duration STOP_BOUND = Duration.ofSeconds(10);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static SellavieStack stack;
    private static MetaGraphApi meta;
    private static IngestRouting routing;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        meta = sellavie.metaGraphApi();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void healMeta() {
        routing.close();
        meta.heal();
    }

    @Test
    @Order(1)
    void conversationServiceStopsWithinTenSecondsAndFinishesTheSendInFlight() {
        // Given a DM whose reply is in flight: Meta takes 3 s to accept it
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        meta.delaySends(Duration.ofSeconds(3));
        shop.deliver(shop.dm(customer, "Hello, is the linen shirt available in blue?"));
        shop.awaitMessages(customer, "the reply being sent", messages -> messages.size() == 2
                && "ATTEMPTING".equals(status(messages.get(1))), REPLY_TIMEOUT);

        // and a member's console has its live feed open (a request that never ends by itself)
        LiveFeed feed = LiveFeed.open(stack.gatewayUrl(), shop.accessToken());

        // When conversation-service is told to stop (SIGTERM)
        ServiceProcess conversation = stack.conversation();
        Duration took = conversation.terminate(Duration.ofSeconds(30));

        // Then it is gone within 10 s, having ended the feed (the console reconnects) and waited for Meta's
        // answer and recorded it
        assertThat(took).as("SIGTERM to exit").isLessThan(STOP_BOUND);
        assertThat(feed.ended()).as("the console's live feed ended by the stop").isTrue();
        meta.heal();
        conversation.start();
        conversation.awaitReady(SellavieStack.READINESS_TIMEOUT);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);
        assertThat(status(messages.get(1))).as("the reply in flight at the stop").isEqualTo("SENT");
    }

    /** A console tab's {@code GET /api/events} through the gateway, read until the server ends it. */
    private record LiveFeed(Thread reader) {

        static LiveFeed open(String gatewayUrl, String accessToken) {
            HttpRequest request = HttpRequest.newBuilder(URI.create(gatewayUrl + "/api/events"))
                    .header("Accept", "text/event-stream").header("Authorization", "Bearer " + accessToken).GET()
                    .build();
            CountDownLatch connected = new CountDownLatch(1);
            AtomicInteger status = new AtomicInteger();
            Thread reader = Thread.ofVirtual().name("live-feed").start(() -> {
                try {
                    HttpResponse<Stream<String>> response = HTTP.send(request, HttpResponse.BodyHandlers.ofLines());
                    status.set(response.statusCode());
                    try (Stream<String> lines = response.body()) {
                        lines.forEach(line -> connected.countDown()); // ":connected" first, then heartbeats
                    }
                } catch (IOException | RuntimeException e) {
                    // the stream ended: what matters is when
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    connected.countDown();
                }
            });
            try {
                assertThat(connected.await(30, TimeUnit.SECONDS)).as("the live feed answered").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            assertThat(status.get()).as("the live feed's status").isEqualTo(200);
            assertThat(reader.isAlive()).as("the live feed is open").isTrue();
            return new LiveFeed(reader);
        }

        /** Whether the server ended the stream (waits a little for the reader to see the end). */
        boolean ended() {
            try {
                return reader.join(Duration.ofSeconds(5));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
    }

    @ParameterizedTest
    @Order(2)
    @ValueSource(strings = {"identity", "ingest", "ai", "commerce", "notification", "gateway"})
    void everyOtherServiceStopsWithinTenSeconds(String name) {
        Duration took = stack.service(name).terminate(Duration.ofSeconds(30));

        assertThat(took).as("%s: SIGTERM to exit", name).isLessThan(STOP_BOUND);
    }
}
