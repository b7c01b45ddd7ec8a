package com.sellavie.conversation.attention;

import static com.sellavie.conversation.outbound.SendFixtures.conversation;
import static com.sellavie.conversation.outbound.SendFixtures.conversations;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.error;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.request;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.http.Fault;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The team's list of outbound messages (replies and SYSTEM texts) whose delivery needs a person, across every conversation of the business. */
@ConversationServiceTest
class AttentionApiTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void listsUnknownAndFailedRepliesWithTheirCustomerNewestFirst() {
        // Given one reply whose connection broke after it left (UNKNOWN) and one Meta refused for good (FAILED)
        List<Fixture> shop = conversations(port, "igsid-att-", 2);
        Fixture lostConnection = shop.get(0);
        String maybeSent = "Maybe sent " + UUID.randomUUID();
        stub(send(maybeSent), WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        deliver(reply(lostConnection, maybeSent), 1);
        lostConnection.await(maybeSent, "UNKNOWN");
        Fixture refused = shop.get(1);
        String rejected = "Refused " + UUID.randomUUID();
        stub(send(rejected), WireMock.aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(error("Invalid parameter", "OAuthException", 100)));
        deliver(reply(refused, rejected), 1);
        refused.await(rejected, "FAILED");

        // When the team asks for what needs attention
        List<JsonNode> all = lostConnection.api().get("/api/messages").json().valueStream().toList();
        List<JsonNode> unknownOnly = lostConnection.api().get("/api/messages?status=UNKNOWN").json().valueStream().toList();

        // Then both are listed, newest first, each with its conversation and customer
        assertThat(all).extracting(m -> m.get("text").asString()).containsExactly(rejected, maybeSent);
        JsonNode unknown = all.get(1);
        assertThat(unknown.get("deliveryStatus").asString()).isEqualTo("UNKNOWN");
        assertThat(unknown.get("conversationId").asString()).isEqualTo(lostConnection.conversationId().toString());
        assertThat(unknown.get("contact").get("externalId").asString()).isEqualTo("igsid-att-0");
        assertThat(all.get(0).get("deliveryStatus").asString()).isEqualTo("FAILED");
        assertThat(unknownOnly).extracting(m -> m.get("text").asString()).containsExactly(maybeSent);
        assertThat(all).extracting(m -> m.get("authorType").asString()).containsOnly("ASSISTANT");
    }

    @Test
    void listsSystemMessagesThatNeedAPersonLikeReplies() {
        // Given texts commerce asked to send: the connection breaks on a receipt (UNKNOWN), a link cannot be sent (FAILED)
        Fixture f = conversation(port, "igsid-att-sys");
        String receipt = "Receipt " + UUID.randomUUID();
        stub(send(receipt), WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        deliver(request(f, receipt), 1);
        f.await(receipt, "UNKNOWN");
        // (the channel's token then stops decrypting: the link fails for good without waiting on Meta's timing)
        TenantContext.runAs(f.business(), () -> jdbc.update("UPDATE channels SET access_token_ciphertext = ? "
                + "WHERE business_id = ?", new byte[] {1, 2, 3}, f.business()));
        String link = "Pay here " + UUID.randomUUID();
        deliver(request(f, link), 1);
        f.await(link, "FAILED");

        // When the team asks for what needs attention
        List<JsonNode> all = f.api().get("/api/messages").json().valueStream().toList();

        // Then both are listed as SYSTEM messages, newest first, with their status and why
        assertThat(all).extracting(m -> m.get("text").asString()).containsExactly(link, receipt);
        assertThat(all).extracting(m -> m.get("authorType").asString()).containsOnly("SYSTEM");
        assertThat(all.get(0).get("deliveryStatus").asString()).isEqualTo("FAILED");
        assertThat(all.get(0).get("failureReason").asString()).isEqualTo("CHANNEL_DISCONNECTED");
        assertThat(all.get(0).get("conversationId").asString()).isEqualTo(f.conversationId().toString());
        assertThat(all.get(1).get("deliveryStatus").asString()).isEqualTo("UNKNOWN");
    }

    @Test
    void anotherBusinessSeesNoneOfItAndAnUnknownStatusIsRefused() {
        Fixture f = conversation(port, "igsid-att-x");
        String maybeSent = "Private " + UUID.randomUUID();
        stub(send(maybeSent), WireMock.aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        deliver(reply(f, maybeSent), 1);
        f.await(maybeSent, "UNKNOWN");

        Api stranger = Api.asOwnerOf(port, UUID.randomUUID());
        Api.Response foreign = stranger.get("/api/messages");
        assertThat(foreign.status()).isEqualTo(200);
        assertThat(foreign.body()).doesNotContain(maybeSent);

        Api.Response bad = f.api().get("/api/messages?status=SENT");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.body()).contains("status must be one of");
        assertThat(Api.anonymous(port).get("/api/messages").status()).isEqualTo(401);
    }
}
