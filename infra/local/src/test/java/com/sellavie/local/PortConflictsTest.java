package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

class PortConflictsTest {

    @Test
    void aTakenPortIsNamedWithTheComponentThatWantedItAndHowToAvoidIt() throws Exception {
        try (ServerSocket taken = new ServerSocket(0)) {
            int port = taken.getLocalPort();
            var wanted = List.of(new PortConflicts.WantedPort(port, "the Kafka broker",
                    "set SELLAVIE_KAFKA_BOOTSTRAP to use another Kafka broker"));

            assertThat(PortConflicts.firstConflict(wanted)).hasValue("Port " + port
                    + " is taken, and the Kafka broker needs it: stop what holds it (see `ss -ltnp 'sport = :"
                    + port + "'`) or set SELLAVIE_KAFKA_BOOTSTRAP to use another Kafka broker.");
        }
    }

    @Test
    void freePortsAreNoConflict() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        assertThat(PortConflicts.firstConflict(List.of(new PortConflicts.WantedPort(port, "x", "y")))).isEmpty();
    }

    @Test
    void theStackChecksEveryPortItWillOpenBeforeStartingAnything() {
        var stack = new LocalStack(null, new DataFolder(java.nio.file.Path.of("/tmp/unused")), java.util.Map.of());

        assertThat(stack.wantedPorts()).extracting(PortConflicts.WantedPort::port)
                .contains(55432, 9092, 8090, 8079, 8080, 8081, 8082, 8083, 8084, 8085, 8086);
    }

    @Test
    void externalInfrastructureFreesItsPorts() {
        var stack = new LocalStack(null, new DataFolder(java.nio.file.Path.of("/tmp/unused")), java.util.Map.of(
                "SELLAVIE_DB_URL", "jdbc:postgresql://db:5432", "SELLAVIE_KAFKA_BOOTSTRAP", "kafka:9092"));

        assertThat(stack.wantedPorts()).extracting(PortConflicts.WantedPort::port).doesNotContain(55432, 9092);
    }
}
