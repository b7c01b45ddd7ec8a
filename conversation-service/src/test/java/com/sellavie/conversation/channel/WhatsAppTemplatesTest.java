package com.sellavie.conversation.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.sellavie.conversation.channel.ChannelOwnershipProofTest.id;
import static com.sellavie.conversation.channel.ChannelOwnershipProofTest.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.GraphStubs;
import com.sellavie.conversation.support.Inbound;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** {@code GET /api/channels/{id}/templates}: a WhatsApp channel's approved templates, from its WABA. */
@ConversationServiceTest
class WhatsAppTemplatesTest {

    @LocalServerPort
    int port;

    @Test
    void listsTheApprovedTemplatesWithTheirBodyAndParameterCountToAnyMember() {
        // Given a WhatsApp channel whose WABA has two approved templates
        UUID business = UUID.randomUUID();
        WhatsApp channel = connectWhatsApp(Api.asOwnerOf(port, business));
        stubTemplates(channel, aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("""
                {"data":[
                  {"name":"order_update","language":"en_US","category":"UTILITY","status":"APPROVED","id":"111",
                   "components":[{"type":"HEADER","format":"TEXT","text":"Order update"},
                                 {"type":"BODY","text":"Hi {{1}}, your order {{2}} ships today. Thanks, {{1}}!"},
                                 {"type":"FOOTER","text":"Linen & Co"}]},
                  {"name":"back_in_touch","language":"en_GB","category":"MARKETING","status":"APPROVED","id":"112",
                   "components":[{"type":"BODY","text":"We have news for you."}]}
                ],"paging":{"cursors":{"before":"MAZDZD","after":"MjQZD"}}}"""));

        // When an agent of the business asks for them
        Api.Response answer = Api.asMemberOf(port, business, UUID.randomUUID(), "AGENT")
                .get("/api/channels/" + channel.id() + "/templates");

        // Then both, with the body text and the number of distinct parameters
        assertThat(answer.status()).isEqualTo(200);
        JsonNode first = answer.json().get(0);
        assertThat(answer.json()).hasSize(2);
        assertThat(first.get("name").asString()).isEqualTo("order_update");
        assertThat(first.get("language").asString()).isEqualTo("en_US");
        assertThat(first.get("category").asString()).isEqualTo("UTILITY");
        assertThat(first.get("status").asString()).isEqualTo("APPROVED");
        assertThat(first.get("body").asString()).isEqualTo("Hi {{1}}, your order {{2}} ships today. Thanks, {{1}}!");
        assertThat(first.get("parameterCount").asInt()).isEqualTo(2);
        assertThat(answer.json().get(1).get("parameterCount").asInt()).isZero();
    }

    @Test
    void anotherBusinessGets404AndNoTemplates() {
        WhatsApp channel = connectWhatsApp(Api.asOwnerOf(port, UUID.randomUUID()));

        Api.Response probe = Api.asOwnerOf(port, UUID.randomUUID()).get("/api/channels/" + channel.id() + "/templates");

        assertThat(probe.status()).isEqualTo(404);
        assertThat(probe.contentType()).contains("application/problem+json");
        assertThat(probe.body()).doesNotContain("order_update");
    }

    @Test
    void anInstagramChannelHasNoTemplates() {
        Api api = Api.asOwnerOf(port, UUID.randomUUID());
        Inbound.connectChannel(api);
        String channel = api.get("/api/channels").json().get(0).get("id").asString();

        Api.Response answer = api.get("/api/channels/" + channel + "/templates");

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json()).isEmpty();
    }

    @Test
    void metaDownIsA503() {
        Api api = Api.asOwnerOf(port, UUID.randomUUID());
        WhatsApp channel = connectWhatsApp(api);
        stubTemplates(channel, aResponse().withStatus(500).withHeader("Content-Type", "application/json")
                .withBody(GraphStubs.error("An unexpected error has occurred.", "OAuthException", 2)));

        Api.Response answer = api.get("/api/channels/" + channel.id() + "/templates");

        assertThat(answer.status()).isEqualTo(503);
        assertThat(answer.contentType()).contains("application/problem+json");
    }

    @Test
    void aTokenMetaRejectsIsA422AndTheChannelNeedsReconnecting() {
        Api api = Api.asOwnerOf(port, UUID.randomUUID());
        WhatsApp channel = connectWhatsApp(api);
        stubTemplates(channel, aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody(GraphStubs.error("Error validating access token: Session has expired.", "OAuthException",
                        190)));

        Api.Response answer = api.get("/api/channels/" + channel.id() + "/templates");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("reason").asString()).isEqualTo("TOKEN_INVALID");
        assertThat(answer.body()).doesNotContain(channel.token());
        assertThat(api.get("/api/channels").json().get(0).get("status").asString()).isEqualTo("NEEDS_RECONNECT");
    }

    private record WhatsApp(String id, String wabaId, String token) {
    }

    private static WhatsApp connectWhatsApp(Api api) {
        String token = GraphStubs.token();
        String number = id("1065");
        String waba = id("1029");
        GraphStubs.whatsapp(token, number, "+234 803 555 0103", "Linen & Co", waba, number);
        Api.Response created = api.post("/api/channels", json("type", "WHATSAPP", "phoneNumberId", number,
                "wabaId", waba, "accessToken", token));
        assertThat(created.status()).isEqualTo(201);
        return new WhatsApp(created.json().get("id").asString(), waba, token);
    }

    private static void stubTemplates(WhatsApp channel,
            com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder response) {
        ConversationTestInfrastructure.GRAPH.stubFor(get(urlPathEqualTo("/v23.0/" + channel.wabaId()
                + "/message_templates")).withQueryParam("status", equalTo("APPROVED"))
                .withHeader("Authorization", equalTo("Bearer " + channel.token())).willReturn(response));
    }
}
