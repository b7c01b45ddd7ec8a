package com.sellavie.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A gateway started before the console was built says so, and still routes the API. */
class MissingConsoleTest extends RunningGateway {

    private static final Path NEVER_BUILT = TestConsole.missing();
    private static final StubService NOTIFICATION = new StubService("notification");

    @DynamicPropertySource
    static void noConsole(DynamicPropertyRegistry registry) {
        registry.add("SELLAVIE_NOTIFICATION_URL", NOTIFICATION::url);
        registry.add("sellavie.gateway.console-dir", NEVER_BUILT::toString);
        TestTokens.register(registry);
    }

    @AfterAll
    static void stopService() {
        NOTIFICATION.close();
    }

    @Test
    void rootAnswers503SayingHowToBuildTheConsole() throws Exception {
        HttpResponse<String> response = get("/", "*/*");

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/html"));
        assertThat(response.body())
                .contains("console is not built")
                .contains("npm --prefix web run build")
                .contains("SELLAVIE_CONSOLE_DIR")
                .contains(NEVER_BUILT.toString());
    }

    @Test
    void browserNavigationAnswersTheSame503() throws Exception {
        assertThat(get("/inbox", "text/html").statusCode()).isEqualTo(503);
    }

    @Test
    void assetRequestIsNotFound() throws Exception {
        assertThat(get(TestConsole.SCRIPT_PATH, "*/*").statusCode()).isEqualTo(404);
    }

    @Test
    void apiStillRoutes() throws Exception {
        HttpResponse<String> response = get("/api/notifications", "application/json");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("notification");
    }

    private HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(uri(path))
                .header("Accept", accept).header("Authorization", "Bearer " + TestTokens.valid()).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
