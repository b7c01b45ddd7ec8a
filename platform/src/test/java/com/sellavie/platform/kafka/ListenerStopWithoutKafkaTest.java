package com.sellavie.platform.kafka;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.test.ProxiedKafka;
import com.sellavie.platform.testservice.OutageTestService;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestRecords;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * A service whose broker went away still stops within its budget: the commit of what it handled last waits
 * {@code sellavie.kafka.commit-timeout}, not Kafka's 60 s (which outlasted the 30-s shutdown phase).
 */
class ListenerStopWithoutKafkaTest {

    @Test
    void aStopWithACommitPendingAndTheBrokerGoneTakesSecondsNotAMinute() throws Exception {
        try (ProxiedKafka kafka = ProxiedKafka.start()) {
            // Given a service that handled a record whose offset it commits only when it stops
            ConfigurableApplicationContext service = OutageTestService.start("stop-without-kafka", Map.of(
                    "spring.kafka.bootstrap-servers", kafka.bootstrapServers(),
                    "spring.kafka.listener.ack-time", "1h",
                    "spring.kafka.listener.ack-count", "1000000"), "sellavie.relay.enabled=false");
            long started;
            try {
                OutageTestService listener = service.getBean(OutageTestService.class);
                String text = "handled-before-the-broker-went-" + UUID.randomUUID();
                publish(kafka, text);
                await().atMost(Duration.ofSeconds(60)).until(() -> listener.handled.contains(text));

                // When the broker becomes unreachable and the service is stopped
                kafka.proxy().cut();
                started = System.nanoTime();
            } finally {
                service.close();
            }
            Duration stopping = Duration.ofNanos(System.nanoTime() - started);

            // Then the stop took the commit's bound and a little, well inside the shutdown phase's 30 s
            assertThat(stopping).isLessThan(Duration.ofSeconds(15));
        }
    }

    private static void publish(ProxiedKafka kafka, String text) throws Exception {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer())) {
            ProducerRecord<String, byte[]> record = new ProducerRecord<>(OutageTestService.TOPIC, text,
                    TestRecords.encode(OutageTestService.TOPIC, TestEvents.inboundMessage(BUSINESS_A, text)));
            record.headers().add(TenantHeaders.BUSINESS_ID, BUSINESS_A.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        }
    }
}
