package com.sellavie.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.server.PathContainer;

class InternalPathGuardTest {

    @ParameterizedTest
    @ValueSource(strings = {
            "/internal", "/internal/", "/internal/x", "/Internal/x", "//internal/x", "/internal;a=b/x",
            "/api/auth/../internal", "/api/auth/./x", "/api/%2e%2e/internal", "/api/a%2Fb", "/api/a%5Cb"})
    void refusesInternalAndAmbiguousPaths(String path) {
        assertThat(InternalPathGuard.isRefused(PathContainer.parsePath(path))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"/", "/api/auth/login", "/api/conversations/internal-notes", "/webhooks/meta",
            "/api/channels/internal", "/actuator/health"})
    void letsOrdinaryPathsThrough(String path) {
        assertThat(InternalPathGuard.isRefused(PathContainer.parsePath(path))).isFalse();
    }
}
