package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RelayDatabaseTest {

    @Test
    void readsHostPortDatabaseAndSslModeFromTheServiceJdbcUrl() {
        RelayDatabase db = RelayDatabase.of(
                "jdbc:postgresql://db.internal:6432/sellavie_commerce?sslmode=require&ApplicationName=commerce", "commerce", "pw");

        assertThat(db.host()).isEqualTo("db.internal");
        assertThat(db.port()).isEqualTo(6432);
        assertThat(db.name()).isEqualTo("sellavie_commerce");
        assertThat(db.sslMode()).contains("require");
        assertThat(db.user()).isEqualTo("commerce");
    }

    @Test
    void defaultsToPostgresPortAndTakesTheFirstOfSeveralHosts() {
        assertThat(RelayDatabase.of("jdbc:postgresql://db/sellavie_ai", "u", "p").port()).isEqualTo(5432);
        RelayDatabase failover = RelayDatabase.of("jdbc:postgresql://primary:5433,replica:5434/sellavie_ai", "u", "p");
        assertThat(failover.host()).isEqualTo("primary");
        assertThat(failover.port()).isEqualTo(5433);
        assertThat(failover.name()).isEqualTo("sellavie_ai");
    }

    @Test
    void derivesAValidSlotNameFromTheDatabaseName() {
        assertThat(RelayDatabase.of("jdbc:postgresql://db/Sellavie-Commerce", "u", "p").defaultSlotName())
                .isEqualTo("sellavie_relay_sellavie_commerce");
        String longName = "d".repeat(70);
        assertThat(RelayDatabase.of("jdbc:postgresql://db/" + longName, "u", "p").defaultSlotName())
                .hasSize(63).matches("[a-z0-9_]+");
    }

    @Test
    void refusesAnythingButPostgres() {
        assertThatThrownBy(() -> RelayDatabase.of("jdbc:mysql://db/x", "u", "p"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void neverShowsThePassword() {
        assertThat(RelayDatabase.of("jdbc:postgresql://db/x", "u", "secret-pw").toString()).doesNotContain("secret-pw");
    }
}
