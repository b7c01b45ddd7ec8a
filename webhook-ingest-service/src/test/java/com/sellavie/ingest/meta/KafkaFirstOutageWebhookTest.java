package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.ProxiedKafka;
import com.sellavie.platform.test.TcpProxy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The Kafka outage with Kafka first (the default): the first sends wait out the 1-s acknowledgement timeout, then
 * the breaker sends every event to the outbox at once; nothing is lost and each DM is answered within 5 s.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "sellavie.meta.app-secret=it-app-secret-3f9c", "sellavie.meta.verify-token=it-verify-token-71ab",
        "sellavie.ingest.kafka-first.enabled=true"})
@IntegrationTest
class KafkaFirstOutageWebhookTest extends KafkaOutageScenario {

    private static final ProxiedKafka KAFKA = ProxiedKafka.start();

    @Autowired
    MeterRegistry meters;

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

    /** Long enough for the breaker to open: five sends wait out the 1-s acknowledgement timeout first. */
    @Override
    Duration outage() {
        return Duration.ofSeconds(9);
    }

    /**
     * Once the breaker is open, a DM no longer waits for Kafka at all. Every DM after the first had its route in
     * memory, so it was published from its request outside any transaction: its fallback to the outbox took a
     * transaction of its own (and the scenario checks each of them in the outbox, in its trace, then on Kafka).
     */
    @Override
    void answeredDuringTheOutage(List<Duration> answerTimes) {
        assertThat(meters.get("sellavie.ingest.meta.webhooks.in_memory").counter().count())
                .isGreaterThanOrEqualTo(answerTimes.size() - 1);
        assertThat(answerTimes.subList(0, 5))
                .allSatisfy(t -> assertThat(t).isGreaterThanOrEqualTo(Duration.ofMillis(900)));
        assertThat(answerTimes.subList(answerTimes.size() - 3, answerTimes.size()))
                .allSatisfy(t -> assertThat(t).isLessThan(Duration.ofMillis(500)));
    }
}
