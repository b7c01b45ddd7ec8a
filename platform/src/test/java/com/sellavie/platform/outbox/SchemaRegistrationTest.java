package com.sellavie.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.registry.SchemaRegistrar;
import io.apicurio.registry.client.common.DefaultVertxInstance;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.List;
import java.util.UUID;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.util.backoff.FixedBackOff;

/** Start-up registration against the real registry. */
class SchemaRegistrationTest {

    private final String url = TestSchemaRegistry.baseUrl();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @Test
    void incompatibleSchemaIsRefusedForGoodAndKeepsTheServiceUnready() {
        // Given a subject whose earlier version the event's schema cannot be compatible with
        Topic topic = new Topic("test.incompatible-" + UUID.randomUUID(), "test", false,
                List.of(InboundMessageReceived.class));
        Schema earlier = SchemaBuilder.record("InboundMessageReceived").namespace("com.sellavie.events.ingest")
                .fields().requiredLong("text").endRecord();
        new SchemaRegistrar(url).register(topic.subjectFor(InboundMessageReceived.class), earlier);

        // When the service registers its schemas
        SchemaRegistration registration = registrationOf(List.of(topic), new SchemaIds());
        registration.afterPropertiesSet();

        // Then start-up goes on, but the registration is refused for good, loudly, and health says why
        try {
            assertThat(registration.state().state()).isEqualTo(SchemaRegistration.State.REFUSED);
            assertThat(registration.state().attempts()).isEqualTo(1);
            Health health = new SchemaRegistryHealthIndicator(registration).health();
            assertThat(health.getStatus()).isEqualTo(Status.DOWN);
            assertThat(health.getDetails().get("reason").toString()).contains("409");
            assertThat(meters.counter(SchemaRegistration.FAILURES, "outcome", "refused").count()).isEqualTo(1);
        } finally {
            registration.destroy();
        }
    }

    @Test
    void registeredIdsLetTheOutboxEncodeExactlyAsApicurioWould() {
        // Given the ids registration learned
        SchemaIds ids = new SchemaIds();
        SchemaRegistration registration = registrationOf(List.of(Topics.INGEST_INBOUND_MESSAGES), ids);
        registration.afterPropertiesSet();
        registration.destroy();
        assertThat(registration.state().state()).isEqualTo(SchemaRegistration.State.REGISTERED);
        assertThat(new SchemaRegistryHealthIndicator(registration).health().getStatus()).isEqualTo(Status.UP);

        // When an event is encoded with them, and by Apicurio's serializer looking its id up
        InboundMessageReceived event = TestEvents.inboundMessage(TestEvents.BUSINESS_A, "same-bytes");
        String topic = Topics.INGEST_INBOUND_MESSAGES.name();
        try (EventSerializer withIds = new EventSerializer(url, false, ids, DefaultVertxInstance.get());
                EventSerializer lookingUp = new EventSerializer(url, false, new SchemaIds(),
                        DefaultVertxInstance.get())) {
            // Then the bytes are the same
            assertThat(withIds.serialize(topic, event)).isEqualTo(lookingUp.serialize(topic, event));
        }
    }

    private SchemaRegistration registrationOf(List<Topic> topics, SchemaIds ids) {
        return new SchemaRegistration(t -> SchemaRegistrar.registerAll(url, t), topics, new FixedBackOff(100, 1000),
                meters, ids);
    }

}
