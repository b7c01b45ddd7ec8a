package com.sellavie.platform.outbox;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static com.sellavie.platform.testservice.TestRecords.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.testservice.ActuatorClient;
import com.sellavie.platform.testservice.OutageTestService;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestRecords;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A service whose only way to the schema registry is a proxy the test cuts and restores: it starts
 * while the registry is down, is ready once its schemas are registered, then publishes and consumes
 * through a second outage.
 */
class RegistryOutageIntegrationTest {

    @Test
    void serviceStartsPublishesAndConsumesThroughRegistryOutages() {
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort())) {
            // Given the registry is unreachable when the service starts
            registry.cut();
            try (ConfigurableApplicationContext service = OutageTestService.start("registry-outage-it",
                    Map.of("sellavie.schema-registry.url", "http://" + registry.address()),
                    "sellavie.schema-registry.registration.initial-interval=200ms",
                    "sellavie.schema-registry.registration.max-interval=1s",
                    "sellavie.kafka.retry.initial-interval=500ms",
                    "sellavie.kafka.retry.max-interval=2s")) {
                ActuatorClient actuator = new ActuatorClient(
                        Integer.parseInt(service.getEnvironment().getRequiredProperty("local.server.port")));

                // Then it started, is alive, but not ready: it could not publish an event yet
                assertThat(actuator.get("/actuator/health/liveness").status()).isEqualTo(200);
                ActuatorClient.Answer readiness = actuator.get("/actuator/health/readiness");
                assertThat(readiness.status()).isEqualTo(503);
                assertThat(readiness.component("schemaRegistry").get("status")).isEqualTo("OUT_OF_SERVICE");
                assertThat(ActuatorClient.map(readiness.component("schemaRegistry").get("details")))
                        .containsKeys("attempts", "lastError", "nextAttempt");

                // When the registry comes back, the background registration gets through: ready
                registry.restore();
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> actuator.get("/actuator/health/readiness").status() == 200);

                // When it goes away again, the service stays ready
                registry.cut();
                assertThat(actuator.get("/actuator/health/readiness").status()).isEqualTo(200);
                assertThat(actuator.get("/actuator/health/readiness").component("schemaRegistry").get("status"))
                        .isEqualTo("UP");

                // And publishes through the outbox, on the id registration learned (this type was never
                // published before), which the relay delivers
                String text = "published-during-outage-" + UUID.randomUUID();
                InboundMessageReceived published = TestEvents.inboundMessage(BUSINESS_A, text);
                service.getBean(TransactionTemplate.class).executeWithoutResult(
                        status -> service.getBean(Outbox.class).publish(published, text));
                ConsumerRecord<byte[], byte[]> relayed = TestRecords.awaitRecord(
                        Topics.INGEST_INBOUND_MESSAGES.name(), r -> text.equals(key(r)));
                String subject = Topics.INGEST_INBOUND_MESSAGES.subjectFor(InboundMessageReceived.class);
                long registeredId = SchemaRegistrar.registerAll(TestSchemaRegistry.baseUrl(),
                        List.of(Topics.INGEST_INBOUND_MESSAGES)).get(subject);
                assertThat(relayed.value()[0]).isZero();
                assertThat(ByteBuffer.wrap(relayed.value(), 1, 4).getInt()).isEqualTo((int) registeredId);
                assertThat(decodedText(relayed)).isEqualTo(text);

                // When, the registry still cut, its consumer meets a schema id it never resolved
                OutageTestService listener = service.getBean(OutageTestService.class);
                String consumed = "consumed-after-outage-" + UUID.randomUUID();
                TestRecords.publish(OutageTestService.TOPIC, consumed, TestRecords.encode(OutageTestService.TOPIC,
                        TestEvents.inboundMessage(BUSINESS_A, consumed)), TenantHeaders.BUSINESS_ID,
                        BUSINESS_A.toString());

                // Then it retries instead of dead-lettering
                MeterRegistry meters = service.getBean(MeterRegistry.class);
                await().atMost(Duration.ofSeconds(30)).until(() -> retried(meters) >= 2);
                assertThat(listener.handled).doesNotContain(consumed);

                // And handles the record once the registry is back, with nothing dead-lettered
                registry.restore();
                await().atMost(Duration.ofSeconds(30)).until(() -> listener.handled.contains(consumed));
                assertThat(TestRecords.readAll(OutageTestService.TOPIC + ".dlt")).noneMatch(r -> consumed.equals(key(r)));
            }
        }
    }

    private static double retried(MeterRegistry meters) {
        Counter counter = meters.find("sellavie.kafka.listener.failures").tags("group", OutageTestService.GROUP,
                "classification", "transient", "outcome", "retried").counter();
        return counter == null ? 0 : counter.count();
    }

    private static String decodedText(ConsumerRecord<byte[], byte[]> record) {
        try (AvroKafkaDeserializer<Object> deserializer =
                RegistryClients.deserializer(EventSerdeConfig.deserializer(TestSchemaRegistry.baseUrl()))) {
            return ((InboundMessageReceived) deserializer.deserialize(record.topic(), record.value())).getText()
                    .toString();
        }
    }
}
