package com.sellavie.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.platform.test.routes.ApiDocsCoverage;
import com.sellavie.platform.test.routes.RouteSecuritySuite;
import java.time.Duration;
import java.util.Objects;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;

/**
 * Every route of the service, read from its handler mappings: role rules present and enforced (403 exactly
 * for the roles a rule refuses), 401 without a token, and another business's ids 404 without its data.
 * A new endpoint is covered by adding it to nothing; one with a new path variable needs a fixture below.
 */
@ConversationServiceTest
class RouteSecurityTest {

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    @Test
    void everyRouteEnforcesRoleAndTenant() {
        // Given tenant A with a channel, a conversation, its contact (renamed), a team reply and handoff keywords,
        // made through the real API (the customer's message through the real consumer)
        String tag = UUID.randomUUID().toString().substring(0, 8);
        // (Meta's 503 on a cold, busy machine means "try again": the connect is retried, as the console would.)
        SendFixtures.Fixture a = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
                .until(() -> SendFixtures.conversation(port, "igsid-routes-" + tag), Objects::nonNull);
        Api owner = a.api();
        String channel = owner.get("/api/channels").json().get(0).get("id").asString();
        String contact = owner.get("/api/conversations/" + a.conversationId()).json().get("contact").get("id")
                .asString();
        String contactName = "Routes Marker " + tag;
        assertThat(owner.patch("/api/contacts/" + contact, "{\"name\":\"" + contactName + "\"}").status())
                .isEqualTo(200);
        String replyText = "reply marker " + tag;
        Api.Response reply = owner.post("/api/conversations/" + a.conversationId() + "/messages",
                "{\"text\":\"" + replyText + "\"}");
        assertThat(reply.status()).isEqualTo(201);
        String keyword = "kw" + tag;
        assertThat(owner.put("/api/handoff/settings", "{\"keywords\":[\"" + keyword + "\"],\"quietPeriodMinutes\":90}")
                .status()).isEqualTo(200);

        // Then the suite over every route finds nothing
        RouteSecuritySuite.Report report = RouteSecuritySuite.of(context, port)
                .tenantA(a.business(), "question " + a.tag(), contactName, replyText, keyword)
                .variable("/api/channels", "id", channel)
                .variable("/api/conversations", "id", a.conversationId())
                .variable("/api/contacts", "id", contact)
                .variable("contactId", contact)
                .variable("conversationId", a.conversationId())
                .variable("messageId", reply.json().get("id").asString())
                .body("POST /api/channels", "{\"type\":\"INSTAGRAM\",\"externalId\":\"1784000000001\","
                        + "\"name\":\"Suite\",\"accessToken\":\"EAAB-route-suite-unknown-token\"}")
                .body("POST /api/channels/facebook/callback", "{\"code\":\"suite-code\",\"state\":\"suite-state\"}")
                .body("POST /api/channels/facebook/connect", "{\"sessionId\":\"" + UUID.randomUUID()
                        + "\",\"choices\":[{\"type\":\"INSTAGRAM\",\"externalId\":\"1784000000002\"}]}")
                .body("PATCH /api/contacts/{id}", "{\"notes\":\"seen by the suite\"}")
                .body("POST /api/contacts/{contactId}/consents",
                        "{\"purpose\":\"MARKETING\",\"status\":\"GRANTED\",\"source\":\"route suite\"}")
                .body("POST /api/conversations/{id}/messages", "{\"text\":\"suite reply\"}")
                .body("POST /api/conversations/{id}/notes", "{\"text\":\"suite note\"}")
                .body("PUT /api/conversations/{id}/labels", "{\"labels\":[\"suite\"]}")
                .body("PUT /api/conversations/{id}/assignee", "{\"assigneeId\":null}")
                .body("PUT /api/handoff/settings", "{\"keywords\":[\"human\"],\"quietPeriodMinutes\":120}")
                .body("PUT /api/comments/settings", "{\"privateReplies\":false}")
                .verify();

        assertThat(report.apiRouteKeys()).contains("GET /api/conversations/{id}", "DELETE /api/channels/{id}");
    }

    /** The public API (every route but /internal and /ops) is in the OpenAPI document the gateway serves. */
    @Test
    void everyPublicRouteIsInTheApiDocs() {
        ApiDocsCoverage.Report report = ApiDocsCoverage.of(context, port).verify();

        assertThat(report.documented()).contains("GET /api/conversations/{id}", "DELETE /api/channels/{id}");
    }
}
