package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The status table from a run state: live and dead processes, health and relay roles, an unreachable broker. */
class StackStatusTest {

    private static final String STANDBY_HEALTH = """
            {"status":"UP","components":{"db":{"status":"UP"},"relay":{"status":"UP","details":{"role":"STANDBY",
            "instance":"host-b:2","streaming":false,"leader":"host-a:1","slotLagBytes":0}}}}""";
    private static final String LEADER_HEALTH = """
            {"status":"DOWN","components":{"relay":{"status":"DOWN","details":{"role":"LEADER",
            "instance":"host-a:1","streaming":false,"slotLagBytes":4096}}}}""";

    private HttpServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    @Test
    void showsEachProcessWithItsHealthRelayRoleAndRestartsAndSaysWhenTheBrokerDoesNotAnswer() throws Exception {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        serve("/standby/actuator/health", STANDBY_HEALTH);
        serve("/leader/actuator/health", LEADER_HEALTH);
        server.start();
        String base = "http://127.0.0.1:" + server.getAddress().getPort();
        long me = ProcessHandle.current().pid();
        Process ended = new ProcessBuilder("/bin/true").start();
        ended.waitFor();
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        RunState state = new RunState("127.0.0.1:1", List.of(
                new RunState.Instance("conversation", 8083, base + "/standby/actuator/health", me, 0,
                        "2026-12-01T09:58:30Z", "conversation.log"),
                new RunState.Instance("ai", 8084, base + "/leader/actuator/health", me, 2, "2026-12-01T07:30:00Z",
                        "ai.log"),
                new RunState.Instance("commerce", 8085, base + "/nothing-here", ended.pid(), 1,
                        "2026-12-01T09:00:00Z", "commerce.log")));
        List<String> lines = new ArrayList<>();

        new StackStatus(lines::add).print(state, now);

        assertThat(lines.get(1)).startsWith("conversation").contains("1m30s", " 0 ", "UP", "standby, leader host-a:1");
        assertThat(lines.get(2)).startsWith("ai").contains("2h30m", " 2 ", "DOWN", "leader (slot lag 4096 B), not streaming");
        assertThat(lines.get(3)).startsWith("commerce").contains("DEAD", " 1 ");
        assertThat(String.join("\n", lines)).contains("the broker at 127.0.0.1:1 did not answer");
    }

    private void serve(String path, String body) {
        server.createContext(path, exchange -> {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(path.contains("leader") ? 503 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
    }
}
