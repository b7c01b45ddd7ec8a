package com.sellavie.conversation.channel;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.GraphStubs;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@ConversationServiceTest
class ChannelApiTest {

    static final String TOKEN = "EAABsbCS1iHgBAZBZCtestpagetoken0123456789abcd4f2a";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void connectingAChannelStoresTheTokenEncryptedAndShowsItMasked() {
        // Given a business owner
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String externalId = igId();

        // When they connect an Instagram account
        Api.Response created = api.post("/api/channels", body(externalId, TOKEN));

        // Then 201, the token masked, never in clear
        assertThat(created.status()).isEqualTo(201);
        JsonNode channel = created.json();
        assertThat(channel.get("type").asString()).isEqualTo("INSTAGRAM");
        assertThat(channel.get("externalId").asString()).isEqualTo(externalId);
        assertThat(channel.get("name").asString()).isEqualTo("Linen Shop");
        assertThat(channel.get("accessToken").asString()).isEqualTo("EAAB…4f2a");
        assertThat(channel.get("status").asString()).isEqualTo("CONNECTED");
        assertThat(channel.get("createdAt").asString()).isNotBlank();
        assertThat(created.body()).doesNotContain(TOKEN);
        UUID id = UUID.fromString(channel.get("id").asString());

        // and the stored value is ciphertext, not the token
        byte[] stored = TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT access_token_ciphertext FROM channels WHERE id = ?", byte[].class, id));
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN).doesNotContain("EAAB");

        // and GET lists it, masked
        Api.Response list = api.get("/api/channels");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("id").asString()).isEqualTo(id.toString());
        assertThat(list.body()).doesNotContain(TOKEN);

        // and ChannelConnected is published, keyed by the channel id, identifiers only
        ConsumerRecord<String, ChannelConnected> event = KafkaEvents.awaitFirst(
                Topics.CONVERSATION_CHANNELS.name(), ChannelConnected.class,
                e -> e.getChannelId().equals(id)).getFirst();
        assertThat(event.key()).isEqualTo(id.toString());
        assertThat(event.value().getBusinessId()).isEqualTo(business);
        assertThat(event.value().getExternalId()).isEqualTo(externalId);
        assertThat(event.value().getChannelType()).isEqualTo("INSTAGRAM");
        assertThat(event.value().toString()).doesNotContain(TOKEN).doesNotContain("EAAB");
    }

    @Test
    void theSameAccountConnectedByAnotherBusinessIsAConflict() {
        String externalId = igId();
        assertThat(Api.asOwnerOf(port, UUID.randomUUID()).post("/api/channels", body(externalId, TOKEN)).status())
                .isEqualTo(201);
        UUID other = UUID.randomUUID();

        Api.Response conflict = Api.asOwnerOf(port, other).post("/api/channels", body(externalId, TOKEN));

        assertThat(conflict.status()).isEqualTo(409);
        assertThat(conflict.contentType()).contains("application/problem+json");
        assertThat(Api.asOwnerOf(port, other).get("/api/channels").json()).isEmpty();
    }

    @Test
    void theSameAccountConnectedTwiceBySameBusinessIsAConflict() {
        UUID business = UUID.randomUUID();
        String externalId = igId();
        Api api = Api.asOwnerOf(port, business);
        assertThat(api.post("/api/channels", body(externalId, TOKEN)).status()).isEqualTo(201);

        assertThat(api.post("/api/channels", body(externalId, TOKEN)).status()).isEqualTo(409);
        assertThat(api.get("/api/channels").json()).hasSize(1);
    }

    @Test
    void invalidInputIsRejectedWithFieldErrorsAndNothingWrittenOrPublished() {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String externalId = igId();

        Api.Response rejected = api.post("/api/channels",
                "{\"type\":\"TELEGRAM\",\"externalId\":\"" + externalId + "\",\"name\":\"\",\"accessToken\":\"\"}");

        assertThat(rejected.status()).isEqualTo(400);
        assertThat(rejected.contentType()).contains("application/problem+json");
        JsonNode errors = rejected.json().get("errors");
        assertThat(errors.has("type")).isTrue();
        assertThat(errors.has("accessToken")).isTrue();
        assertThat(api.get("/api/channels").json()).isEmpty();
        // a later valid connection's event arrives, the rejected one never did
        String later = igId();
        assertThat(api.post("/api/channels", body(later, TOKEN)).status()).isEqualTo(201);
        KafkaEvents.awaitFirst(Topics.CONVERSATION_CHANNELS.name(), ChannelConnected.class,
                e -> e.getExternalId().equals(later));
        assertThat(KafkaEvents.collect(Topics.CONVERSATION_CHANNELS.name(), ChannelConnected.class,
                e -> e.getExternalId().equals(externalId), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void anAgentCannotConnectOrDisconnectButSeesTheChannels() {
        // Given a business with a channel, and one of its agents
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        UUID channel = UUID.fromString(owner.post("/api/channels", body(igId(), TOKEN)).json().get("id").asString());
        Api agent = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT");
        String other = igId();

        // When the agent tries to connect another account, and to disconnect the channel
        Api.Response connect = agent.post("/api/channels", body(other, TOKEN));
        Api.Response disconnect = agent.delete("/api/channels/" + channel);

        // Then both are 403 problems and nothing changed; the agent still reads the list
        assertThat(connect.status()).isEqualTo(403);
        assertThat(connect.contentType()).contains("application/problem+json");
        assertThat(disconnect.status()).isEqualTo(403);
        Api.Response list = agent.get("/api/channels");
        assertThat(list.status()).isEqualTo(200);
        assertThat(list.json()).hasSize(1);
        assertThat(list.json().get(0).get("status").asString()).isEqualTo("CONNECTED");
    }

    @Test
    void anAdminManagesChannels() {
        UUID business = UUID.randomUUID();
        Api admin = Api.asMemberOf(port, business, UUID.randomUUID(), "ADMIN");

        Api.Response created = admin.post("/api/channels", body(igId(), TOKEN));

        assertThat(created.status()).isEqualTo(201);
        assertThat(admin.delete("/api/channels/" + created.json().get("id").asString()).status()).isEqualTo(204);
    }

    @Test
    void withoutATokenTheApiIsClosed() {
        assertThat(Api.anonymous(port).get("/api/channels").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/channels", body(igId(), TOKEN)).status()).isEqualTo(401);
    }

    /** The body, and Meta answering that this token controls that Instagram account. */
    static String body(String externalId, String token) {
        GraphStubs.instagramAccount(token, externalId, "linen.shop");
        return "{\"type\":\"INSTAGRAM\",\"externalId\":\"" + externalId + "\",\"name\":\"Linen Shop\","
                + "\"accessToken\":\"" + token + "\"}";
    }

    static String igId() {
        return "1784" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000_000L);
    }
}
