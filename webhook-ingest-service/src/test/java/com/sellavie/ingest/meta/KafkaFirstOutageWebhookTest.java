package com.sellavie.ingest.meta;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TcpProxy;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The Kafka outage with Kafka first: the first commits wait out the acknowledgement timeout, then the breaker sends every event to the outbox at once; nothing is lost and each DM is answered within 5 s. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ingest.kafka-first.enabled=true"})
@IntegrationTest
class KafkaFirstOutageWebhookTest extends KafkaOutageScenario {

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

    /** Long enough for the breaker to open: five commits wait out the 1-s acknowledgement timeout first. */
    @Override
    Duration outage() {
        return Duration.ofSeconds(9);
    }

    /** Once the breaker is open, a DM no longer waits for Kafka at all. */
    @Override
    void answeredDuringTheOutage(List<Duration> answerTimes) {
        assertThat(answerTimes.subList(0, 5)).allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(Duration.ofMillis(900)));
        assertThat(answerTimes.subList(answerTimes.size() - 3, answerTimes.size()))
                .allSatisfy(t -> assertThat(t).isLessThan(Duration.ofMillis(500)));
    }
}
