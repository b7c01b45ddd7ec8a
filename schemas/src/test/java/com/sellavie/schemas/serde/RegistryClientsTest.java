package com.sellavie.schemas.serde;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventFixtures;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.vertx.core.http.HttpClosedException;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A registry that accepts connections and then says nothing (a partition, a hung server) must fail a
 * serde call after the idle timeout, never hold the calling thread: Apicurio's own client waits for
 * ever. The guard below is {@code assertTimeoutPreemptively}: without the timeouts the call never returns.
 */
class RegistryClientsTest {

    private static final Duration NEVER_HANGS = Duration.ofSeconds(20);

    @BeforeAll
    static void register() {
        SchemaRegistrar.registerAll(TestSchemaRegistry.baseUrl(), Topics.ALL);
    }

    @Test
    void aSilentRegistryFailsADecodeAndTheSameDeserializerWorksOnceItAnswersAgain() {
        ReplyGenerated reply = EventFixtures.sample(ReplyGenerated.class);
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort());
                EventSerdes direct = EventSerdes.connect(TestSchemaRegistry.baseUrl());
                var serializer = direct.serializer();
                EventDeserializer deserializer = new EventDeserializer()) {
            byte[] encoded = serializer.serialize("ai.replies", reply);
            deserializer.configure(withIdleTimeout(EventSerdeConfig.deserializer("http://" + registry.address()), 500),
                    false);
            registry.blackhole();

            Throwable failure = assertTimeoutPreemptively(NEVER_HANGS,
                    () -> catchThrowable(() -> deserializer.deserialize("ai.replies", encoded)));

            assertThat(failure).isInstanceOf(EventDecodingException.class).hasRootCauseInstanceOf(HttpClosedException.class);
            registry.restore();
            assertThat(deserializer.deserialize("ai.replies", encoded)).isEqualTo(reply);
        }
    }

    @Test
    void aSilentRegistryFailsASerializeInsteadOfHoldingTheProducer() {
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort());
                EventSerdes serdes = EventSerdes.connect("http://" + registry.address())) {
            Map<String, Object> config = withIdleTimeout(serdes.serializerConfig(), 500);
            try (AvroKafkaSerializer<SpecificRecord> serializer = RegistryClients.serializer(config)) {
                registry.blackhole();

                Throwable failure = assertTimeoutPreemptively(NEVER_HANGS, () -> catchThrowable(
                        () -> serializer.serialize("ai.replies", EventFixtures.sample(ReplyGenerated.class))));

                assertThat(failure).hasRootCauseInstanceOf(HttpClosedException.class);
            }
        }
    }

    @Test
    void serdesMadeByEventSerdesHaveTheDefaultTimeouts() {
        // The defaults, not a test value: a silent registry is given up on within ~10 s.
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort());
                EventSerdes serdes = EventSerdes.connect("http://" + registry.address());
                var serializer = serdes.serializer()) {
            registry.blackhole();

            Throwable failure = assertTimeoutPreemptively(NEVER_HANGS, () -> catchThrowable(
                    () -> serializer.serialize("ai.replies", EventFixtures.sample(ReplyGenerated.class))));

            assertThat(failure).hasRootCauseInstanceOf(HttpClosedException.class);
        }
    }

    @Test
    void aConnectionIdleForHalfTheIdleTimeoutIsRetiredNotHandedToTheNextRequest() throws InterruptedException {
        // The idle timer also runs on a pooled connection: one it closes as the pool hands it out fails that
        // request. With a 3 s idle timeout the pool retires a connection after 1 s without use.
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort());
                EventSerdes serdes = EventSerdes.connect("http://" + registry.address())) {
            Map<String, Object> config = withIdleTimeout(serdes.serializerConfig(), 3_000);
            try (AvroKafkaSerializer<SpecificRecord> serializer = RegistryClients.serializer(config)) {
                serializer.serialize("ai.replies", EventFixtures.sample(ReplyGenerated.class));
                int afterFirst = registry.acceptedConnections();

                Thread.sleep(2_000); // longer than the keep-alive (1 s), shorter than the idle timeout (3 s)
                serializer.serialize("conversation.messages", EventFixtures.sample(MessageRecorded.class));

                assertThat(afterFirst).isPositive();
                assertThat(registry.acceptedConnections()).as("a fresh connection for the second lookup")
                        .isEqualTo(afterFirst + 1);
            }
        }
        assertThat(RegistryClients.keepAliveSeconds(Duration.ofSeconds(10))).isEqualTo(5);
        assertThat(RegistryClients.keepAliveSeconds(Duration.ofMillis(500))).isEqualTo(1);
    }

    @Test
    void aTimeoutThatIsNotPositiveIsRefusedWithTheSettingsName() {
        Map<String, Object> config = withIdleTimeout(EventSerdeConfig.deserializer(TestSchemaRegistry.baseUrl()), 0);

        assertThatThrownBy(() -> RegistryClients.forSerde(config)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(RegistryClients.IDLE_TIMEOUT_MS);
        assertThatThrownBy(() -> RegistryClients.forSerde(Map.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("apicurio.registry.url");
    }

    private static Map<String, Object> withIdleTimeout(Map<String, Object> config, int millis) {
        Map<String, Object> copy = new HashMap<>(config);
        copy.put(RegistryClients.IDLE_TIMEOUT_MS, millis);
        return copy;
    }
}
