package com.sellavie.ingest.meta;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Kafka outage with the outbox alone ({@code kafka-first.enabled=false}): every event waits in the outbox. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ingest.kafka-first.enabled=false"})
@IntegrationTest
class KafkaOutageWebhookTest extends KafkaOutageScenario {

    private static final int PROXY_PORT = freePort();
    private static final EmbeddedKafkaKraftBroker BROKER = brokerBehind(PROXY_PORT);
    private static final TcpProxy KAFKA = TcpProxy.listeningOn(PROXY_PORT, "127.0.0.1", portOf(BROKER));

    @DynamicPropertySource
    static void kafkaThroughTheProxy(DynamicPropertyRegistry registry) {
        throughTheProxy(registry, KAFKA);
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.close();
        BROKER.destroy();
    }

    @Override
    TcpProxy kafka() {
        return KAFKA;
    }
}
