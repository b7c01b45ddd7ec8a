package com.sellavie.conversation.channel;

import static com.sellavie.conversation.channel.ChannelOwnershipProofTest.json;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.GraphStubs;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** A send refused with Meta's 190 marks the channel NEEDS_RECONNECT once; connecting it again heals it. */
@ConversationServiceTest
class NeedsReconnectTest {

    private static final String CHANNELS = Topics.CONVERSATION_CHANNELS.name();

    @LocalServerPort
    int port;

    @Test
    void aTokenMetaRejectsOnASendMarksTheChannelOnceAndReconnectingRestoresIt() {
        // Given a conversation, and Meta rejecting the channel's token on the next two sends
        Fixture f = SendFixtures.conversation(port, "igsid-" + UUID.randomUUID());
        String first = "Your order ships today " + f.tag();
        String second = "And the receipt " + f.tag();
        for (String text : new String[] {first, second}) {
            SendFixtures.stub(SendFixtures.send(text), aResponse().withStatus(400)
                    .withHeader("Content-Type", "application/json").withBody(GraphStubs.error(
                            "Error validating access token: The user has not authorized application 12345.",
                            "OAuthException", 190)));
        }
        JsonNode channel = f.api().get("/api/channels").json().get(0);
        UUID channelId = UUID.fromString(channel.get("id").asString());

        // When two replies are refused
        SendFixtures.deliver(SendFixtures.reply(f, first), 1);
        f.await(first, "FAILED");
        SendFixtures.deliver(SendFixtures.reply(f, second), 1);
        f.await(second, "FAILED");

        // Then the channel shows NEEDS_RECONNECT, and the team is alerted once, with Meta's message
        assertThat(f.api().get("/api/channels").json().get(0).get("status").asString()).isEqualTo("NEEDS_RECONNECT");
        var events = KafkaEvents.await(CHANNELS, ChannelNeedsReconnect.class,
                e -> e.getChannelId().equals(channelId), l -> false, Duration.ofSeconds(3));
        assertThat(events).hasSize(1);
        assertThat(events.getFirst().key()).isEqualTo(channelId.toString());
        assertThat(events.getFirst().value().getDetail()).contains("has not authorized application");
        assertThat(events.getFirst().value().getBusinessId()).isEqualTo(f.business());
        assertThat(events.getFirst().value().toString()).doesNotContain(Inbound.TOKEN);

        // When the owner connects the account again with a new token
        String newToken = GraphStubs.token();
        String account = channel.get("externalId").asString();
        GraphStubs.instagramAccount(newToken, account, "linen.shop");
        var again = f.api().post("/api/channels", json("type", "INSTAGRAM", "externalId", account,
                "accessToken", newToken));

        // Then the same channel is CONNECTED again
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id").asString()).isEqualTo(channelId.toString());
        assertThat(f.api().get("/api/channels").json().get(0).get("status").asString()).isEqualTo("CONNECTED");
    }
}
