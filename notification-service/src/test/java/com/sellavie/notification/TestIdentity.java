package com.sellavie.notification;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import java.util.UUID;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * A stand-in for identity-service's {@code GET /internal/members/{userId}/email?businessId=}, answering
 * the shape identity's MemberEmailController answers (tested there) and only with the service token.
 * identity is another Sellavie service and cannot run inside this module's tests. One per test JVM.
 */
public class TestIdentity implements EnvironmentPostProcessor {

    public static final String SERVICE_TOKEN = "test-service-token-notification-0123456789";
    private static final WireMockServer IDENTITY = start();

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment.getPropertySources().addFirst(new MapPropertySource("notification-test-identity", Map.of(
                "sellavie.identity.url", IDENTITY.baseUrl(),
                "sellavie.internal.token", SERVICE_TOKEN)));
    }

    /** identity answers {@code email} for {@code userId} in {@code businessId} (404 for anything else). */
    public static void knows(UUID businessId, UUID userId, String email) {
        IDENTITY.stubFor(get(urlPathEqualTo("/internal/members/" + userId + "/email"))
                .withQueryParam("businessId", equalTo(businessId.toString()))
                .withHeader("Authorization", equalTo("Bearer " + SERVICE_TOKEN))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"userId\":\"" + userId + "\",\"businessId\":\"" + businessId + "\",\"email\":\""
                                + email + "\"}")));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start(); // anything not stubbed answers 404: not a member there, as identity answers
        return server;
    }
}
