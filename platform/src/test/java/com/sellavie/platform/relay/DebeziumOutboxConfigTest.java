package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;

import io.debezium.config.Configuration;
import io.debezium.connector.postgresql.PostgresConnectorConfig;
import io.debezium.connector.postgresql.RelaySourceInfoStructMaker;
import org.junit.jupiter.api.Test;

/** The engine configuration the relay hands Debezium, read back through Debezium's own config class. */
class DebeziumOutboxConfigTest {

    @Test
    void theConnectorMakesItsSourceStructsWithTheRelaysMaker() {
        RelayDatabase db = RelayDatabase.of("jdbc:postgresql://localhost:5432/shop", "relay", "secret");
        PostgresConnectorConfig config = new PostgresConnectorConfig(
                Configuration.from(DebeziumOutboxConfig.of(db, new RelayProperties(), "sellavie_outbox_shop")));

        assertThat((Object) config.getSourceInfoStructMaker()).isInstanceOf(RelaySourceInfoStructMaker.class);
    }
}
