package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.gateway.TestTokens;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.HttpHeaders;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.oauth2.server.resource.web.server.authentication.ServerBearerTokenAuthenticationConverter;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;

/** {@link BearerHeader} reads every header as Spring Security's converter does: no token, the same token, or 401. */
class BearerHeaderTest {

    private static final ServerAuthenticationConverter SPRING = new ServerBearerTokenAuthenticationConverter();
    private static final ServerAuthenticationConverter EDGE = new BearerHeader();

    static Stream<String> headers() {
        String token = TestTokens.valid();
        List<String> headers = new ArrayList<>(List.of(
                "Bearer " + token, "bearer " + token, "BEARER " + token, "bEaReR abc",
                "Bearer abc=", "Bearer abc==", "Bearer a-b.c_d~e+f/g", "Bearer =", "Bearer abc=d", "Bearer ab=c=",
                "Bearer", "Bearer ", "Bearer  abc", "Bearer abc ", " Bearer abc", "Bearer\tabc", "Bearer abc\n",
                "Bearer ab c", "Bearer abç", "Bearer ab%20c", "Bearer ab,c", "Bearer ab\"c", "Bearerabc", "Bearer:abc",
                "Basic dXNlcjpwYXNz", "Token abc", "", "bear abc", "Bearers abc", "Bearer " + token + "x y"));
        for (char c = 0x20; c < 0x7f; c++) {
            headers.add("Bearer ab" + c + "cd");
        }
        return headers.stream();
    }

    @ParameterizedTest
    @MethodSource("headers")
    void readsEachHeaderAsSpringSecuritysConverterDoes(String authorization) {
        assertThat(outcome(EDGE, authorization)).as(authorization).isEqualTo(outcome(SPRING, authorization));
    }

    @Test
    void aRequestWithoutTheHeaderHasNoToken() {
        MockServerWebExchange exchange = MockServerWebExchange.from(MockServerHttpRequest.get("/api/me"));

        assertThat(EDGE.convert(exchange).blockOptional()).isEmpty();
        assertThat(SPRING.convert(exchange).blockOptional()).isEmpty();
    }

    /** "none", "error: <OAuth2 error code>" or "token: <token>". */
    private static String outcome(ServerAuthenticationConverter converter, String authorization) {
        MockServerWebExchange exchange = MockServerWebExchange.from(
                MockServerHttpRequest.get("/api/me").header(HttpHeaders.AUTHORIZATION, authorization));
        try {
            return converter.convert(exchange)
                    .map(authentication -> "token: " + ((BearerTokenAuthenticationToken) authentication).getToken())
                    .defaultIfEmpty("none")
                    .block();
        } catch (OAuth2AuthenticationException e) {
            return "error: " + e.getError().getErrorCode();
        }
    }
}
