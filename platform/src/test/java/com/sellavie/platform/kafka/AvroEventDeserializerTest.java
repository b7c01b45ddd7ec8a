package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.sellavie.platform.failure.FailureClassifier;
import com.sellavie.platform.test.TcpProxy;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import java.net.URI;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AvroEventDeserializerTest {

    @Test
    void aSilentRegistryGivesTheConsumerATransientFailureInsteadOfHoldingItsThread() {
        try (TcpProxy registry = TcpProxy.to("127.0.0.1", URI.create(TestSchemaRegistry.baseUrl()).getPort());
                AvroEventDeserializer deserializer = new AvroEventDeserializer()) {
            Map<String, Object> config = new HashMap<>(EventSerdeConfig.deserializer("http://" + registry.address()));
            config.put(RegistryClients.IDLE_TIMEOUT_MS, 500);
            deserializer.configure(config, false);
            registry.blackhole();
            // Confluent framing: magic byte 0, then a schema id this consumer never saw.
            byte[] unknownId = {0, 0, 0, 0x7f, 0x13, 2, 'x'};

            Throwable failure = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> catchThrowable(() -> deserializer.deserialize("ingest.inbound-messages", unknownId)));

            // Retried by the listener's error handler, never dead-lettered.
            assertThat(failure).isInstanceOf(SchemaRegistryUnavailableException.class);
            assertThat(FailureClassifier.isTransient(failure)).isTrue();
        }
    }
}
