package com.sellavie.conversation.channel;

import static com.sellavie.conversation.channel.ChannelApiTest.TOKEN;
import static com.sellavie.conversation.channel.ChannelApiTest.body;
import static com.sellavie.conversation.channel.ChannelApiTest.igId;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Connecting a channel, by token or through Facebook Login, needs the acting member's confirmed email address. */
@ConversationServiceTest
class EmailVerificationGateTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOwnerWhoHasNotConfirmedTheirEmailCannotConnectAChannelUntilTheyDo() {
        // Given an owner whose address is not confirmed yet
        UUID business = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        Api unverified = Api.asUnverifiedMemberOf(port, business, owner, "OWNER");
        String externalId = igId();

        // When they connect an Instagram account
        Api.Response refused = unverified.post("/api/channels", body(externalId, TOKEN));

        // Then 403 EMAIL_NOT_VERIFIED, nothing stored, no event
        assertNotVerifiedProblem(refused);
        assertThat(unverified.get("/api/channels").json()).isEmpty();
        assertThat(KafkaEvents.collect(Topics.CONVERSATION_CHANNELS.name(), ChannelConnected.class,
                e -> e.getExternalId().equals(externalId), Duration.ofSeconds(1))).isEmpty();

        // and once their token says the address is confirmed, the same request connects it
        Api verified = Api.asMemberOf(port, business, owner, "OWNER");
        assertThat(verified.post("/api/channels", body(externalId, TOKEN)).status()).isEqualTo(201);
    }

    @Test
    void facebookLoginRefusesEveryStepToAnUnconfirmedAddressAndStoresNothing() {
        UUID business = UUID.randomUUID();
        Api unverified = Api.asUnverifiedMemberOf(port, business, UUID.randomUUID(), "ADMIN");

        Api.Response login = unverified.post("/api/channels/facebook/login", "");
        Api.Response callback = unverified.post("/api/channels/facebook/callback",
                "{\"code\":\"a-code\",\"state\":\"a-state\"}");
        Api.Response connect = unverified.post("/api/channels/facebook/connect", "{\"sessionId\":\""
                + UUID.randomUUID() + "\",\"choices\":[{\"type\":\"INSTAGRAM\",\"externalId\":\"" + igId() + "\"}]}");

        assertNotVerifiedProblem(login);
        assertNotVerifiedProblem(callback);
        assertNotVerifiedProblem(connect);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM facebook_logins WHERE business_id = ?", Integer.class, business))).isZero();
        // Whether Facebook Login is offered is still readable
        assertThat(unverified.get("/api/channels/facebook").status()).isEqualTo(200);
    }

    @Test
    void anUnconfirmedMemberStillReadsAndDisconnectsTheBusinesssChannels() {
        // Given a channel connected by a confirmed owner, and an admin who has not confirmed their address
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String channel = owner.post("/api/channels", body(igId(), TOKEN)).json().get("id").asString();
        Api admin = Api.asUnverifiedMemberOf(port, business, UUID.randomUUID(), "ADMIN");

        // Then the admin lists it and disconnects it
        assertThat(admin.get("/api/channels").json()).hasSize(1);
        assertThat(admin.delete("/api/channels/" + channel).status()).isEqualTo(204);
        assertThat(owner.get("/api/channels").json().get(0).get("status").asString()).isEqualTo("DISCONNECTED");
    }

    private static void assertNotVerifiedProblem(Api.Response response) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.contentType()).contains("application/problem+json");
        assertThat(response.json().get("code").asString()).isEqualTo("EMAIL_NOT_VERIFIED");
        assertThat(response.json().get("title").asString())
                .isEqualTo("Confirm your email address before connecting a channel");
    }
}
