package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The API docs as a reader finds them (issue 11 item 12): through the gateway, without a token, each real
 * service's OpenAPI document, with the bearer scheme and problem+json errors, and the Swagger UI over them.
 */
@ExtendWith(SellavieStackExtension.class)
class ApiDocsJourneyIT {

    @ParameterizedTest
    @CsvSource({
            "identity, identity-service, /api/auth/login",
            "webhook-ingest, webhook-ingest-service, /webhooks/meta",
            "conversation, conversation-service, /api/conversations/{id}",
            "ai, ai-service, /api/ai/settings",
            "commerce, commerce-service, /api/orders/{id}",
            "notification, notification-service, /api/notifications"})
    void eachServicesDocumentIsServedByTheGateway(String docs, String service, String aPath, SellavieStack stack) {
        Gateway gateway = new Gateway(stack.gatewayUrl());

        JsonNode document = gateway.get("/api/docs/" + docs, null).expect(200).json();

        assertThat(document.path("openapi").asText()).startsWith("3.0");
        assertThat(document.path("info").path("title").asText()).isEqualTo("Sellavie " + service);
        assertThat(document.path("paths").has(aPath)).as("%s documents %s", docs, aPath).isTrue();
        assertThat(document.path("components").path("securitySchemes").path("bearer-jwt").path("scheme").asText())
                .isEqualTo("bearer");
        assertThat(document.path("components").path("schemas").path("Problem").path("properties").has("code"))
                .isTrue();
        assertThat(document.path("paths").toString()).doesNotContain("/internal/", "/ops/");
    }

    @Test
    void theSwaggerUiListsEveryDocument(SellavieStack stack) {
        Gateway gateway = new Gateway(stack.gatewayUrl());

        String page = gateway.get("/api/docs/swagger-ui/index.html", null).expect(200).body();
        JsonNode config = gateway.get("/api/docs/gateway/swagger-config", null).expect(200).json();

        assertThat(page).contains("swagger-ui");
        assertThat(config.path("urls").findValuesAsText("url")).containsExactlyInAnyOrder("/api/docs/identity",
                "/api/docs/webhook-ingest", "/api/docs/conversation", "/api/docs/ai", "/api/docs/commerce",
                "/api/docs/notification");
    }
}
