package com.sellavie.conversation.conversations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@ConversationServiceTest
class ConversationApiTest {

    @LocalServerPort
    int port;

    @Test
    void conversationsAreListedNewestFirstWithTheirMessages() {
        // Given two customers writing to one business, the second one later
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        Instant now = Instant.now();
        Inbound.deliver(Inbound.message(business, account, "igsid-old", "mid." + UUID.randomUUID(), "older question",
                now.minusSeconds(120)), 1);
        Inbound.deliver(Inbound.message(business, account, "igsid-new", "mid." + UUID.randomUUID(), "newer question",
                now.minusSeconds(60)), 1);

        // When the team lists its conversations
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/conversations").json().size() == 2);
        JsonNode list = api.get("/api/conversations").json();

        // Then newest first, with channel, contact, last message and mode
        JsonNode newest = list.get(0);
        assertThat(newest.get("contact").get("externalId").asString()).isEqualTo("igsid-new");
        assertThat(newest.get("channel").get("type").asString()).isEqualTo("INSTAGRAM");
        assertThat(newest.get("channel").get("name").asString()).isEqualTo("Linen Shop");
        assertThat(newest.get("lastMessage").get("text").asString()).isEqualTo("newer question");
        assertThat(newest.get("lastMessage").get("direction").asString()).isEqualTo("INBOUND");
        assertThat(newest.get("mode").asString()).isEqualTo("BOT");
        assertThat(list.get(1).get("contact").get("externalId").asString()).isEqualTo("igsid-old");
        assertThat(newest.toString()).doesNotContain(Inbound.TOKEN);

        // and a conversation's messages carry direction, author, text and time (a delivery status is for outbound ones only)
        Api.Response messages = api.get("/api/conversations/" + newest.get("id").asString() + "/messages");
        assertThat(messages.status()).isEqualTo(200);
        JsonNode message = messages.json().get(0);
        assertThat(message.get("direction").asString()).isEqualTo("INBOUND");
        assertThat(message.get("text").asString()).isEqualTo("newer question");
        assertThat(message.get("sentAt").asString()).isNotBlank();
        assertThat(message.get("authorType").asString()).isEqualTo("CUSTOMER");
        assertThat(message.get("deliveryStatus").isNull()).isTrue();
    }

    @Test
    void anotherBusinessSeesNoneOfIt() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(owner);
        Inbound.deliver(Inbound.message(business, account, "igsid-x", "mid." + UUID.randomUUID(), "private",
                Instant.now()), 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> owner.get("/api/conversations").json().size() == 1);
        String conversationId = owner.get("/api/conversations").json().get(0).get("id").asString();

        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());

        assertThat(stranger.get("/api/conversations").json()).isEmpty();
        Api.Response foreign = stranger.get("/api/conversations/" + conversationId + "/messages");
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("private");
        assertThat(owner.get("/api/conversations/" + UUID.randomUUID() + "/messages").status()).isEqualTo(404);
        assertThat(Api.anonymous(port).get("/api/conversations").status()).isEqualTo(401);
    }
}
