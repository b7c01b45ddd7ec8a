package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The operator commands' side of the /ops contract: what they send (path, query, bearer token) and
 * how they report answers. HTTP servers here play services answering as the platform's /ops
 * endpoints do (their behaviour is tested in platform and webhook-ingest-service).
 */
class OpsCommandTest {

    private static final String TOKEN = "local-ops-token-0123456789abcdef";

    private final List<HttpServer> servers = new ArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> out = new ArrayList<>();
    private final List<String> err = new ArrayList<>();

    @TempDir
    Path home;

    @AfterEach
    void stop() {
        servers.forEach(server -> server.stop(0));
    }

    @Test
    void dltListAsksEveryServiceWithTheTokenAndSkipsThoseWithoutDeadLetterEndpoints() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("commerce", serve("commerce", 404, "{\"status\":404}"));
        services.put("conversation", serve("conversation", 200, """
                {"service":"conversation-service","deadLetterTopics":[{"topic":"ai.replies",
                 "deadLetterTopic":"ai.replies.dlt","consumerGroups":["conversation-service"],"records":3,"pending":2}]}"""));

        int status = command(services).run("dlt", List.of("list"));

        assertThat(status).isZero();
        assertThat(requests).containsExactly("commerce GET /ops/dead-letters Bearer " + TOKEN,
                "conversation GET /ops/dead-letters Bearer " + TOKEN);
        assertThat(String.join("\n", out)).contains("ai.replies", "3", "2", "conversation");
        assertThat(err).isEmpty();
    }

    @Test
    void dltReplayPassesSinceToTheFirstServiceThatConsumesTheTopic() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("ingest", serve("ingest", 404, "{}"));
        services.put("ai", serve("ai", 200, """
                {"topic":"conversation.reply-requests","deadLetterTopic":"conversation.reply-requests.dlt",
                 "replayed":4,"skipped":1}"""));

        int status = command(services).run("dlt", List.of("replay", "conversation.reply-requests", "--since",
                "2026-11-30T03:00:00Z"));

        assertThat(status).isZero();
        assertThat(requests).last().isEqualTo("ai POST /ops/dead-letters/conversation.reply-requests/replay"
                + "?since=2026-11-30T03%3A00%3A00Z Bearer " + TOKEN);
        assertThat(out).singleElement().asString().contains("Replayed 4", "skipped 1");
    }

    @Test
    void badArgumentsAreUsageErrorsAndNothingIsCalled() {
        Map<String, String> services = Map.of("ai", serve("ai", 200, "{}"));

        assertThat(command(services).run("dlt", List.of("replay", "ai.replies", "--since", "yesterday"))).isEqualTo(2);
        assertThat(command(services).run("dlt", List.of("replay"))).isEqualTo(2);
        assertThat(command(services).run("dlt", List.of("list", "../etc"))).isEqualTo(2);
        assertThat(command(services).run("unroutable", List.of("replay", "--id", "x"))).isEqualTo(2);
        assertThat(requests).isEmpty();
        assertThat(err).anySatisfy(line -> assertThat(line).contains("ISO-8601"));
    }

    @Test
    void unroutableCommandsCallIngestAndReportCounts() {
        Map<String, String> services = Map.of("ingest", serve("ingest", 200, """
                {"total":1,"retention":"PT168H","messages":[{"id":"0190f5a4-7b7e-7c3e-9a51-00000000000a",
                 "channelType":"INSTAGRAM","recipientId":"17841","receivedAt":"2026-11-30T03:00:00Z","age":"PT5M"}],
                 "replayed":1,"stillUnroutable":2}"""));
        OpsCommand command = command(services);

        assertThat(command.run("unroutable", List.of("list"))).isZero();
        assertThat(command.run("unroutable", List.of("replay", "--id", "0190f5a4-7b7e-7c3e-9a51-00000000000a")))
                .isZero();

        assertThat(requests).containsExactly("ingest GET /ops/unroutable Bearer " + TOKEN,
                "ingest POST /ops/unroutable/replay?id=0190f5a4-7b7e-7c3e-9a51-00000000000a Bearer " + TOKEN);
        assertThat(String.join("\n", out)).contains("1 unroutable DMs kept", "recipient 17841", "Replayed 1",
                "2 still have no channel");
    }

    @Test
    void relayDeadLettersAreListedFromEveryServiceWithAnOutboxAndReplayedOnTheNamedOne() {
        Map<String, String> services = new LinkedHashMap<>();
        services.put("gateway-like", serve("gateway-like", 404, "{}"));
        services.put("ingest", serve("ingest", 200, """
                {"service":"webhook-ingest-service","total":1,"deadLetters":[{"id":7,"eventId":
                 "0190f5a4-7b7e-7c3e-9a51-00000000000b","topic":"ingest.inbound-messages","key":"k",
                 "eventType":"InboundMessageReceived","payloadBytes":1048700,"reason":"RecordTooLargeException: too big",
                 "failedAt":"2026-12-01T03:00:00Z"}],"replayed":1,"stayed":0}"""));
        OpsCommand command = command(services);

        assertThat(command.run("relay-dlt", List.of("list"))).isZero();
        assertThat(command.run("relay-dlt", List.of("replay", "ingest", "--id", "7"))).isZero();
        assertThat(command.run("relay-dlt", List.of("replay", "ingest"))).isZero();

        assertThat(requests).containsExactly("gateway-like GET /ops/relay-dead-letters Bearer " + TOKEN,
                "ingest GET /ops/relay-dead-letters Bearer " + TOKEN,
                "ingest POST /ops/relay-dead-letters/7/replay Bearer " + TOKEN,
                "ingest POST /ops/relay-dead-letters/replay Bearer " + TOKEN);
        assertThat(String.join("\n", out)).contains("ingest", "ingest.inbound-messages", "1048700 bytes",
                "RecordTooLargeException: too big", "1 relay dead letters", "Put 1 relay dead letters of ingest");
        // Bad arguments change nothing and call nothing
        requests.clear();
        assertThat(command.run("relay-dlt", List.of("replay", "nosuch"))).isEqualTo(2);
        assertThat(command.run("relay-dlt", List.of("replay", "ingest", "--id", "7;drop"))).isEqualTo(2);
        assertThat(command.run("relay-dlt", List.of("replay"))).isEqualTo(2);
        assertThat(requests).isEmpty();
    }

    @Test
    void refusalsAndUnreachableServicesAreOneClearLine() {
        assertThat(command(Map.of("ingest", serve("ingest", 401, "{}"))).run("unroutable", List.of("list")))
                .isEqualTo(1);
        assertThat(command(Map.of("ingest", "http://127.0.0.1:1")).run("unroutable", List.of("list"))).isEqualTo(1);

        assertThat(err).hasSize(2);
        assertThat(err.get(0)).contains("refused the operator token");
        assertThat(err.get(1)).contains("Could not reach ingest", "./sellavie up");
    }

    @Test
    void aStackThatIsNotRunningIsToldInOneLine() {
        DataFolder data = new DataFolder(home);

        assertThat(LocalStackCommand.isRunning(data)).isFalse();
        assertThat(LocalStackCommand.run(new String[] {"dlt", "list"}, Map.of("SELLAVIE_HOME", home.toString())))
                .isEqualTo(1);
    }

    private OpsCommand command(Map<String, String> services) {
        return new OpsCommand(services, "ingest", TOKEN, out::add, err::add);
    }

    private String serve(String name, int status, String body) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.createContext("/", exchange -> {
                requests.add(name + " " + exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                        + exchange.getRequestHeaders().getFirst("Authorization"));
                byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(status, bytes.length);
                exchange.getResponseBody().write(bytes);
                exchange.close();
            });
            server.start();
            servers.add(server);
            return "http://127.0.0.1:" + server.getAddress().getPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
