package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.Mailbox;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The team, from outside (issue 9 item 7): an OWNER invites an AGENT through the gateway, the invitee
 * accepts the link and works; a role change and then a removal kill the member's earlier access
 * tokens within seconds on ANOTHER resource server (conversation-service, called directly, past the
 * gateway) and at the gateway, through the Redis denylist.
 */
@ExtendWith(SellavieStackExtension.class)
class TeamJourneyIT {

    private static final Duration REVOCATION = Duration.ofSeconds(5);

    private static Gateway gateway;
    private static Gateway conversationService;
    private static Mailbox mail;

    @BeforeAll
    static void connectTo(SellavieStack stack) {
        mail = stack.mail();
        gateway = new Gateway(stack.gatewayUrl());
        conversationService = new Gateway(stack.conversation().baseUrl());
    }

    @Test
    void anInvitedAgentWorksUntilTheirRoleChangesAndLosesAccessEverywhereWhenRemoved() {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String ownerToken = Shop.signUp(gateway, mail, "owner-" + suffix + "@example.com", "Team House " + suffix)
                .path("accessToken").asText();
        String agentEmail = "agent-" + suffix + "@example.com";

        JsonNode invitation = gateway.postJson("/api/invitations", Map.of("email", agentEmail, "role", "AGENT"), ownerToken)
                .expect(201).json();
        String link = invitation.path("acceptLink").asText();
        assertThat(link).contains("/invite?token=");
        // The invitee gets the same link by email, over SMTP, pointing at the console the gateway serves.
        String mailed = Mailbox.link(mail.awaitMail(agentEmail, "invited you", Duration.ofSeconds(60)), "/invite");
        assertThat(mailed).isEqualTo(link).startsWith(gateway.baseUrl());
        String token = Mailbox.token(mailed);

        JsonNode accepted = gateway.postJson("/api/invitations/accept", Map.of("token", token, "password", Shop.PASSWORD), null)
                .expect(200).json();
        String agentId = accepted.path("user").path("id").asText();
        String agentToken = accepted.path("accessToken").asText();
        assertThat(gateway.get("/api/members", ownerToken).expect(200).json().path("members").findValuesAsText("email"))
                .contains(agentEmail);
        // The agent works in another service, and that service enforces the role.
        conversationService.get("/api/conversations", agentToken).expect(200);
        conversationService.putJson("/api/handoff/settings", Map.of("keywords", java.util.List.of("human"),
                "quietPeriodMinutes", 30), agentToken).expect(403);
        gateway.postJson("/api/invitations/accept", Map.of("token", token, "password", Shop.PASSWORD), null).expect(422);

        gateway.patchJson("/api/members/" + agentId, Map.of("role", "ADMIN"), ownerToken).expect(204);

        await("the AGENT token refused by conversation-service").atMost(REVOCATION).pollInterval(Duration.ofMillis(200))
                .until(() -> conversationService.get("/api/conversations", agentToken).status() == 401);
        assertThat(gateway.get("/api/conversations", agentToken).status()).isEqualTo(401);
        String[] adminToken = new String[1];
        await("a new log-in carries the new role").atMost(REVOCATION).pollInterval(Duration.ofMillis(500)).until(() -> {
            adminToken[0] = gateway.postJson("/api/auth/login", Map.of("email", agentEmail, "password", Shop.PASSWORD), null)
                    .expect(200).json().path("accessToken").asText();
            return conversationService.get("/api/conversations", adminToken[0]).status() == 200;
        });
        assertThat(gateway.get("/api/me", adminToken[0]).expect(200).json().path("role").asText()).isEqualTo("ADMIN");

        gateway.delete("/api/members/" + agentId, ownerToken).expect(204);

        await("the removed member's token refused by conversation-service").atMost(REVOCATION)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> conversationService.get("/api/conversations", adminToken[0]).status() == 401);
        assertThat(gateway.get("/api/members", adminToken[0]).status()).isEqualTo(401);
        assertThat(gateway.get("/api/members", ownerToken).expect(200).json().path("members").findValuesAsText("email"))
                .doesNotContain(agentEmail);
    }
}
