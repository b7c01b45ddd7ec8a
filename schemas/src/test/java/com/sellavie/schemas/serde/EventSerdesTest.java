package com.sellavie.schemas.serde;

import static com.sellavie.platform.test.UnansweredLookups.retried;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventFixtures;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.Serializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class EventSerdesTest {

    @BeforeAll
    static void register() {
        SchemaRegistrar.registerAll(TestSchemaRegistry.baseUrl(), Topics.ALL);
    }

    @Test
    void serdesRoundTripAnEventWithTypedActions() {
        ReplyGenerated reply = EventFixtures.sample(ReplyGenerated.class);
        try (EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
                Serializer<SpecificRecord> serializer = serdes.serializer();
                Deserializer<Object> deserializer = serdes.deserializer()) {

            Object decoded = retried(() -> deserializer.deserialize("ai.replies", serializer.serialize("ai.replies", reply)));

            assertThat(decoded).isEqualTo(reply);
            assertThat(((ReplyGenerated) decoded).getActions()).hasSize(4);
        }
    }

    @Test
    void closingTheSerdesStopsTheirRegistryClient() {
        EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
        try (Serializer<SpecificRecord> serializer = serdes.serializer()) {

            serdes.close();

            // Its registry client ran on the serdes' own Vert.x, now stopped (the JVM-wide one would still answer)
            assertThatThrownBy(() -> serializer.serialize("identity.businesses",
                    EventFixtures.sample(BusinessRegistered.class))).isInstanceOf(RuntimeException.class);
            assertThatThrownBy(serdes::serializer).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
        }
    }
}
