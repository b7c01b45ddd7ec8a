package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.network.ListenerName;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue 6 point 6, ingest side: with Kafka unreachable, signed webhooks are still answered 200 at
 * once; their events wait in the outbox and are published once Kafka is back.
 *
 * <p>A broker of its own, advertising the address of a {@link TcpProxy} in front of it, so every
 * connection of the service (bootstrap and broker alike) goes through the proxy and {@code cut()}
 * really takes Kafka away (with the shared test broker only the bootstrap connection would). The
 * service stays ready meanwhile: its HTTP work needs only its database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab"})
@IntegrationTest
class KafkaOutageWebhookTest {

    private static final int PROXY_PORT = freePort();
    private static final EmbeddedKafkaKraftBroker BROKER = broker();
    private static final TcpProxy KAFKA = TcpProxy.listeningOn(PROXY_PORT, "127.0.0.1", brokerPort());
    private static final String SECRET = MetaWebhookIntegrationTest.SECRET;
    private static final String INBOUND = Topics.INGEST_INBOUND_MESSAGES.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void kafkaThroughTheProxy(DynamicPropertyRegistry registry) {
        // The infrastructure sets spring.kafka.bootstrap-servers; the per-client keys take precedence over it.
        registry.add("spring.kafka.producer.bootstrap-servers", KAFKA::address);
        registry.add("spring.kafka.consumer.bootstrap-servers", KAFKA::address);
        registry.add("spring.kafka.admin.bootstrap-servers", KAFKA::address);
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.close();
        BROKER.destroy();
    }

    @Test
    void webhooksAreAcknowledgedWhileKafkaIsDownAndPublishedWhenItIsBack() throws Exception {
        // Given a routed Instagram account
        UUID business = UUID.randomUUID();
        String account = "7770" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        TenantContext.runAs(business, () -> jdbc.update("""
                INSERT INTO channel_routes (channel_id, business_id, channel_type, external_id, active, changed_at)
                VALUES (?, ?, 'INSTAGRAM', ?, true, now())""", UUID.randomUUID(), business, account));
        MetaWebhookClient meta = new MetaWebhookClient(port);

        // When Kafka becomes unreachable (every connection of the service goes through the proxy: reset, then refused)
        KAFKA.cut();

        // Then for the whole outage (3 s of DMs, one every 300 ms) every signed DM is acknowledged at once
        List<String> mids = new CopyOnWriteArrayList<>();
        Awaitility.await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(300)).until(() -> {
                    String mid = "mid-outage-" + UUID.randomUUID();
                    long started = System.nanoTime();
                    HttpResponse<String> response = meta.post(MetaWebhooks.signedInstagramDm(SECRET, account,
                            "IGSID-outage", mid, "during the outage " + mids.size()));
                    mids.add(mid);
                    return response.statusCode() == 200
                            && Duration.ofNanos(System.nanoTime() - started).compareTo(Duration.ofSeconds(5)) < 0;
                });
        assertThat(mids).hasSizeGreaterThanOrEqualTo(5);
        // and the service stays alive and ready (a load balancer keeps sending it webhooks)
        assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);
        assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);

        // And when Kafka is back, the relay catches up: each event published, in order
        KAFKA.restore();
        List<InboundMessageReceived> published = new ArrayList<>();
        try (KafkaConsumer<String, Object> consumer = consumer()) {
            consumer.subscribe(List.of(INBOUND));
            Awaitility.await().atMost(Duration.ofSeconds(150)).until(() -> {
                for (ConsumerRecord<String, Object> record : consumer.poll(Duration.ofMillis(200))) {
                    if (record.value() instanceof InboundMessageReceived event) {
                        published.add(event);
                    }
                }
                return published.stream().map(InboundMessageReceived::getExternalMessageId).toList().containsAll(mids);
            });
        }
        assertThat(published).extracting(InboundMessageReceived::getExternalMessageId).containsExactlyElementsOf(mids);
        assertThat(published).allSatisfy(event -> assertThat(event.getBusinessId()).isEqualTo(business));
    }

    private HttpResponse<String> get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static KafkaConsumer<String, Object> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.address(),
                ConsumerConfig.GROUP_ID_CONFIG, "outage-probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), EventSerdes.connect(TestSchemaRegistry.baseUrl()).deserializer());
    }

    private static EmbeddedKafkaKraftBroker broker() {
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // Clients learn the broker's address from its metadata, not from the bootstrap list: make that the
        // proxy's, or they would connect to the broker directly and never notice the cut.
        broker.brokerProperties(Map.of(
                "advertised.listeners", "EXTERNAL://127.0.0.1:" + PROXY_PORT,
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        return broker;
    }

    /** The port the broker really listens on (the test kit binds its own, whatever the configuration says). */
    private static int brokerPort() {
        return BROKER.getCluster().brokers().values().iterator().next().boundPort(new ListenerName("EXTERNAL"));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
