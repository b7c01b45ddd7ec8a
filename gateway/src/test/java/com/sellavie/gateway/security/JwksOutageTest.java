package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.gateway.RunningGateway;
import com.sellavie.gateway.StubService;
import com.sellavie.gateway.TestTokens;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Identity's JWKS unreachable: a token cannot be verified, so it is refused with 503 (fail closed), never let through. */
class JwksOutageTest extends RunningGateway {

    private static final StubService CONVERSATION = new StubService("conversation");

    @DynamicPropertySource
    static void upstreams(DynamicPropertyRegistry registry) throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        int jwksPort = closedPort;
        registry.add("SELLAVIE_CONVERSATION_URL", CONVERSATION::url);
        registry.add("sellavie.gateway.jwt.jwk-set-uri", () -> "http://127.0.0.1:" + jwksPort + "/.well-known/jwks.json");
    }

    @AfterAll
    static void stop() {
        CONVERSATION.close();
    }

    @Test
    void unreachableJwksRefusesWith503() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri("/api/conversations"))
                .header("Authorization", "Bearer " + TestTokens.valid()).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("\"title\":\"Authentication temporarily unavailable\"");
        assertThat(CONVERSATION.received()).isEmpty();
    }
}
