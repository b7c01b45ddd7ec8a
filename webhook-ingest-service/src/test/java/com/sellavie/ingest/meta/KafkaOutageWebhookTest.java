package com.sellavie.ingest.meta;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.ProxiedKafka;
import com.sellavie.platform.test.TcpProxy;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka outage with the outbox alone ({@code kafka-first.enabled=false}): every event waits in the outbox.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ingest.kafka-first.enabled=false"})
@IntegrationTest
class KafkaOutageWebhookTest extends KafkaOutageScenario {

    private static final ProxiedKafka KAFKA = ProxiedKafka.start();

    @DynamicPropertySource
    static void kafkaThroughTheProxy(DynamicPropertyRegistry registry) {
        KAFKA.routeClients(registry);
    }

    @AfterAll
    static void stopBroker() {
        KAFKA.close();
    }

    @Override
    TcpProxy kafka() {
        return KAFKA.proxy();
    }
}
