package com.sellavie.platform.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No operator token configured: the service runs, says so once, and /ops/** stays closed to everyone. */
@ExtendWith(OutputCaptureExtension.class)
@IntegrationTest
@SpringBootTest(classes = OpsTestService.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=ops-closed-it", "sellavie.ops.token=", "sellavie.ops.token-file="})
class ClosedOperationsIntegrationTest {

    @LocalServerPort
    int port;

    @Test
    void everyOperatorRequestIsForbiddenAndTheStartUpWarnsOnce(CapturedOutput output) {
        OpsHttp http = new OpsHttp(port);

        for (String bearer : new String[] {null, "", "anything-at-all-0123456789", TestTokens.ownerOf(UUID.randomUUID())}) {
            HttpResponse<String> list = http.get("/ops/dead-letters", bearer);
            HttpResponse<String> replay = http.post("/ops/dead-letters/" + OpsTestService.REPLAY_TOPIC + "/replay",
                    bearer);
            HttpResponse<String> relayList = http.get("/ops/relay-dead-letters", bearer);
            HttpResponse<String> relayReplay = http.post("/ops/relay-dead-letters/replay", bearer);
            for (HttpResponse<String> response : java.util.List.of(list, replay, relayList, relayReplay)) {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                        type -> assertThat(type).startsWith("application/problem+json"));
                assertThat(response.body()).contains("no operator token is configured");
            }
        }
        assertThat(output.getAll().split("Operator endpoints /ops/\\*\\* are closed", -1)).hasSize(2);
        // The service itself is unaffected
        assertThat(http.get("/actuator/health/liveness", null).statusCode()).isEqualTo(200);
    }
}
