package com.sellavie.platform.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** /internal/** opens to the shared service token only; the token opens nothing else. */
@IntegrationTest
@SpringBootTest(classes = InternalEndpointSecurityTest.Service.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.application.name=internal-it", "sellavie.internal.token=" + InternalEndpointSecurityTest.TOKEN})
class InternalEndpointSecurityTest {

    static final String TOKEN = "internal-it-token-7c2d9e41f0a8";

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    ServiceToken serviceToken;

    @Test
    void theServiceTokenOpensInternalEndpoints() throws Exception {
        HttpResponse<String> response = get("/internal/ping", "Bearer " + TOKEN);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("pong");
    }

    @Test
    void noTokenAWrongOneOrAMerchantsJwtIsRefusedWithoutEchoingIt() throws Exception {
        String merchant = TestTokens.ownerOf(UUID.randomUUID());
        for (String authorization : new String[] {null, "Bearer ", "Bearer " + TOKEN + "x", "Bearer " + merchant}) {
            HttpResponse<String> response = get("/internal/ping", authorization);

            assertThat(response.statusCode()).as(String.valueOf(authorization)).isEqualTo(401);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).contains("service token is required").doesNotContain(TOKEN);
        }
    }

    @Test
    void theServiceTokenIsNotAMerchantCredential() throws Exception {
        assertThat(get("/api/whoami", "Bearer " + TOKEN).statusCode()).isEqualTo(401);
    }

    @Test
    void clientsSendTheSameToken() {
        assertThat(serviceToken.authorizationHeader()).isEqualTo("Bearer " + TOKEN);
        assertThat(serviceToken.toString()).doesNotContain(TOKEN);
    }

    private HttpResponse<String> get(String path, String authorization) throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @SpringBootConfiguration
    @EnableAutoConfiguration
    @Import(Service.Endpoints.class)
    static class Service {

        @RestController
        static class Endpoints {

            @GetMapping("/internal/ping")
            String ping() {
                return "pong";
            }

            @GetMapping("/api/whoami")
            String whoami() {
                return "merchant";
            }
        }
    }
}
