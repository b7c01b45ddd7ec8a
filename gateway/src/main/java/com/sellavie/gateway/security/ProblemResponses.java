package com.sellavie.gateway.security;

import java.nio.charset.StandardCharsets;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpResponse;
import reactor.core.publisher.Mono;

/** application/problem+json answers written straight to the response (nothing reaches a route). */
public final class ProblemResponses {

    private ProblemResponses() {
    }

    public static Mono<Void> write(ServerHttpResponse response, HttpStatus status, String title, String detail) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"" + title + "\",\"status\":" + status.value()
                + ",\"detail\":\"" + detail + "\"}").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    static Mono<Void> unauthorized(ServerHttpResponse response) {
        response.getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        return write(response, HttpStatus.UNAUTHORIZED, "Unauthorized",
                "A valid access token is required (Authorization: Bearer)");
    }

    static Mono<Void> twoFactorRequired(ServerHttpResponse response) {
        if (response.isCommitted()) {
            return Mono.empty();
        }
        response.setStatusCode(HttpStatus.FORBIDDEN);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        response.getHeaders().setCacheControl("no-store");
        byte[] body = ("{\"type\":\"about:blank\",\"title\":\"Two-factor authentication required\",\"status\":403,"
                + "\"detail\":\"Your business requires two-factor authentication: enrol first\","
                + "\"reason\":\"TWO_FACTOR_REQUIRED\"}").getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    /** 429 with {@code Retry-After}: a rate limit's bucket is empty. */
    public static Mono<Void> tooManyRequests(ServerHttpResponse response, long retryAfterSeconds) {
        response.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return write(response, HttpStatus.TOO_MANY_REQUESTS, "Too Many Requests",
                "Rate limit reached; retry after " + retryAfterSeconds + " s");
    }

    static Mono<Void> authenticationUnavailable(ServerHttpResponse response) {
        return write(response, HttpStatus.SERVICE_UNAVAILABLE, "Authentication temporarily unavailable",
                "The token could not be checked right now; retry shortly");
    }
}
