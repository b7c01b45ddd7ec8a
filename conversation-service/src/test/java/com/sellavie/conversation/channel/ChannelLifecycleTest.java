package com.sellavie.conversation.channel;

import static com.sellavie.conversation.channel.ChannelOwnershipProofTest.id;
import static com.sellavie.conversation.channel.ChannelOwnershipProofTest.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.GraphStubs;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Disconnecting, reconnecting, and an account changing hands once it was let go. */
@ConversationServiceTest
class ChannelLifecycleTest {

    private static final String CHANNELS = Topics.CONVERSATION_CHANNELS.name();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void disconnectingWipesTheTokenPublishesTheEventAndKeepsTheConversations() {
        // Given a channel with a customer's conversation
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        UUID channel = channelId(api, account);
        Inbound.deliver(Inbound.message(business, account, "igsid-1", "mid." + UUID.randomUUID(), "Still open?",
                Instant.now()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/conversations").json().size() == 1);

        // When the owner disconnects it
        Api.Response deleted = api.delete("/api/channels/" + channel);

        // Then 204; it shows DISCONNECTED, its token is gone, and the conversation is still there
        assertThat(deleted.status()).isEqualTo(204);
        JsonNode shown = api.get("/api/channels").json().get(0);
        assertThat(shown.get("status").asString()).isEqualTo("DISCONNECTED");
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT access_token_ciphertext FROM channels WHERE id = ?", byte[].class, channel))).isNull();
        assertThat(api.get("/api/conversations").json()).hasSize(1);
        // and ChannelDisconnected (MERCHANT_REQUEST) tells ingest to stop routing it
        ChannelDisconnected event = KafkaEvents.awaitFirst(CHANNELS, ChannelDisconnected.class,
                e -> e.getChannelId().equals(channel)).getFirst().value();
        assertThat(event.getReason()).isEqualTo("MERCHANT_REQUEST");
        assertThat(event.getExternalId()).isEqualTo(account);
        // and a second DELETE changes nothing and publishes nothing more
        assertThat(api.delete("/api/channels/" + channel).status()).isEqualTo(204);
        assertThat(KafkaEvents.collect(CHANNELS, ChannelDisconnected.class, e -> e.getChannelId().equals(channel),
                Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void theSameBusinessConnectingAgainGetsTheSameChannelBackWithTheNewToken() {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = id("1784");
        String first = GraphStubs.token();
        GraphStubs.instagramAccount(first, account, "ankara.studio");
        UUID channel = UUID.fromString(api.post("/api/channels", instagram(account, first)).json().get("id").asString());
        assertThat(api.delete("/api/channels/" + channel).status()).isEqualTo(204);

        // When it connects the account again with a new token
        String second = "EAABnewtoken" + UUID.randomUUID().toString().replace("-", "") + "9z9z";
        GraphStubs.instagramAccount(second, account, "ankara.studio");
        Api.Response again = api.post("/api/channels", instagram(account, second));

        // Then the same channel is CONNECTED again, with the new token, and announced again
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(channel.toString());
        assertThat(again.json().get("status").asString()).isEqualTo("CONNECTED");
        assertThat(again.json().get("accessToken").asString()).isEqualTo("EAAB…9z9z");
        assertThat(api.get("/api/channels").json()).hasSize(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> KafkaEvents.collect(CHANNELS, ChannelConnected.class,
                e -> e.getChannelId().equals(channel), Duration.ofMillis(500)).size() == 2);
    }

    @Test
    void anotherBusinessMayConnectTheAccountOnlyOnceItWasDisconnected() {
        String account = id("1784");
        String token = GraphStubs.token();
        GraphStubs.instagramAccount(token, account, "ankara.studio");
        Api first = Api.asOwnerOf(port, UUID.randomUUID());
        UUID channel = UUID.fromString(first.post("/api/channels", instagram(account, token)).json().get("id").asString());
        Api second = Api.asOwnerOf(port, UUID.randomUUID());

        // While connected elsewhere: 409
        assertThat(second.post("/api/channels", instagram(account, token)).status()).isEqualTo(409);

        // Once the first business let it go, the second may connect it (a new channel of its own)
        assertThat(first.delete("/api/channels/" + channel).status()).isEqualTo(204);
        Api.Response taken = second.post("/api/channels", instagram(account, token));
        assertThat(taken.status()).isEqualTo(201);
        assertThat(taken.json().get("id").asString()).isNotEqualTo(channel.toString());
        // and now the first business cannot take it back
        assertThat(first.post("/api/channels", instagram(account, token)).status()).isEqualTo(409);
        assertThat(first.get("/api/channels").json().get(0).get("status").asString()).isEqualTo("DISCONNECTED");
    }

    @Test
    void anotherBusinessCannotDisconnectAChannel() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(owner);
        UUID channel = channelId(owner, account);

        Api.Response probe = Api.asOwnerOf(port, UUID.randomUUID()).delete("/api/channels/" + channel);

        assertThat(probe.status()).isEqualTo(404);
        assertThat(probe.contentType()).contains("application/problem+json");
        assertThat(owner.get("/api/channels").json().get(0).get("status").asString()).isEqualTo("CONNECTED");
        assertThat(KafkaEvents.collect(CHANNELS, ChannelDisconnected.class, e -> e.getChannelId().equals(channel),
                Duration.ofSeconds(1))).isEmpty();
    }

    private static UUID channelId(Api api, String account) {
        for (JsonNode channel : api.get("/api/channels").json()) {
            if (channel.get("externalId").asString().equals(account)) {
                return UUID.fromString(channel.get("id").asString());
            }
        }
        throw new IllegalStateException("No channel " + account);
    }

    private static String instagram(String account, String token) {
        return json("type", "INSTAGRAM", "externalId", account, "accessToken", token);
    }
}
