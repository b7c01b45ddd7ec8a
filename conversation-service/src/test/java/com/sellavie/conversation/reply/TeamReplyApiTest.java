package com.sellavie.conversation.reply;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.SEND_PATH;
import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.sendPath;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/** {@code POST /api/conversations/{id}/messages}: a member's reply, within Meta's windows, sent through the outbound queue. */
@ConversationServiceTest
class TeamReplyApiTest {

    private static final Duration H24M01 = Duration.ofHours(24).plusMinutes(1);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Fixture on(String type, String customer, Duration customerWroteAgo) {
        return conversationOn(port, context, type, customer, Instant.now().minus(customerWroteAgo));
    }

    private static String path(Fixture f) {
        return "/api/conversations/" + f.conversationId() + "/messages";
    }

    private static String text(String text) {
        return "{\"text\":\"" + text + "\"}";
    }

    private static List<LoggedRequest> callsTo(String path) {
        return ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(path)));
    }

    private static ResponseDefinitionBuilder whatsAppOk(String wamid) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"x\",\"wa_id\":\"x\"}],"
                        + "\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }

    private static List<JsonNode> outbound(Fixture f) {
        return f.messages().stream().filter(m -> !"INBOUND".equals(m.get("direction").asString())).toList();
    }

    @Test
    void anAgentsReplyIsQueuedAsTheMemberAndSentOnce() {
        // Given an Instagram conversation where the customer wrote a minute ago
        Fixture f = on("INSTAGRAM", "igsid-700", Duration.ofMinutes(1));
        String text = "Hi, Ada here from the shop " + UUID.randomUUID();
        stub(post(urlEqualTo(SEND_PATH)).withRequestBody(matchingJsonPath("$.message.text", equalTo(text))),
                ok("m_member_" + f.tag()));
        UUID agent = UUID.randomUUID();

        // When an agent replies
        Api.Response answer = Api.asMemberOf(port, f.business(), agent, "AGENT").post(path(f), text(text));

        // Then 201 with the message as the member, PENDING, and it is sent once to that customer
        assertThat(answer.status()).isEqualTo(201);
        JsonNode created = answer.json();
        assertThat(created.get("direction").asString()).isEqualTo("OUTBOUND");
        assertThat(created.get("authorType").asString()).isEqualTo("MEMBER");
        assertThat(created.get("authorId").asString()).isEqualTo(agent.toString());
        assertThat(created.get("deliveryStatus").asString()).isEqualTo("PENDING");
        assertThat(created.get("text").asString()).isEqualTo(text);
        JsonNode sent = f.await(text, "SENT");
        assertThat(sent.get("id").asString()).isEqualTo(created.get("id").asString());
        assertThat(sent.get("authorType").asString()).isEqualTo("MEMBER");
        assertThat(sent.get("authorId").asString()).isEqualTo(agent.toString());
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("igsid-700")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
        // and MessageRecorded announces it as the member's
        MessageRecorded recorded = KafkaEvents.awaitFirst(MESSAGES, MessageRecorded.class,
                e -> e.getConversationId().equals(f.conversationId()) && "OUTBOUND".equals(e.getDirection()))
                .getFirst().value();
        assertThat(recorded.getAuthorType()).isEqualTo("MEMBER");
        assertThat(recorded.getText()).isEqualTo(text);
        // and a person answering takes the conversation over: HUMAN, assigned to them, HandoffRequested (MEMBER)
        JsonNode conversation = f.api().get("/api/conversations/" + f.conversationId()).json();
        assertThat(conversation.get("mode").asString()).isEqualTo("HUMAN");
        assertThat(conversation.get("assigneeId").asString()).isEqualTo(agent.toString());
        HandoffRequested takeover = KafkaEvents.awaitFirst(Topics.CONVERSATION_HANDOFFS.name(), HandoffRequested.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(takeover.getTrigger()).isEqualTo("MEMBER");
        assertThat(takeover.getMemberId()).isEqualTo(agent.toString());
    }

    @Test
    void aMessengerReplyAfter24HoursUsesTheHumanAgentTag() {
        Fixture f = on("MESSENGER", "7001", Duration.ofDays(2));
        String text = "Sorry for the wait " + UUID.randomUUID();
        stub(post(urlEqualTo(sendPath(f.tag()))), ok("m_human_" + f.tag()));

        Api.Response answer = f.api().post(path(f), text(text));

        assertThat(answer.status()).isEqualTo(201);
        f.await(text, "SENT");
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(sendPath(f.tag())))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("7001")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("MESSAGE_TAG")))
                .withRequestBody(matchingJsonPath("$.tag", equalTo("HUMAN_AGENT")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
    }

    @Test
    void aMessengerReplyAfterSevenDaysIsRefusedWithNoAlternativeAndNothingStored() {
        Fixture f = on("MESSENGER", "7002", Duration.ofDays(7).plusMinutes(1));
        stub(post(urlEqualTo(sendPath(f.tag()))), ok("m_never"));

        Api.Response answer = f.api().post(path(f), text("Hello again"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.json().get("reason").asString()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(answer.json().has("alternative")).isFalse();
        assertThat(outbound(f)).isEmpty();
        assertThat(callsTo(sendPath(f.tag()))).isEmpty();
    }

    @Test
    void aWhatsAppTextAfter24HoursIsRefusedWithTheTemplateAlternative() {
        Fixture f = on("WHATSAPP", "2348010000001", H24M01);

        Api.Response answer = f.api().post(path(f), text("Are you still interested?"));

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("reason").asString()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(answer.json().get("alternative").asString()).isEqualTo("TEMPLATE");
        assertThat(outbound(f)).isEmpty();
        assertThat(callsTo(sendPath(f.tag()))).isEmpty();
    }

    @Test
    void aWhatsAppTemplateGoesOutAfter24Hours() {
        Fixture f = on("WHATSAPP", "2348010000002", H24M01);
        stub(post(urlEqualTo(sendPath(f.tag()))), whatsAppOk("wamid.tpl" + f.tag()));

        Api.Response answer = f.api().post(path(f), "{\"template\":{\"name\":\"order_update\",\"language\":\"en_US\","
                + "\"parameters\":[\"Ada\",\"#1042\"]}}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("template").get("parameters").get(0).asString()).isEqualTo("Ada");
        await().atMost(Duration.ofSeconds(30)).until(() -> outbound(f).getFirst().get("deliveryStatus").asString(),
                "SENT"::equals);
        JsonNode shown = outbound(f).getFirst();
        assertThat(shown.get("template").get("name").asString()).isEqualTo("order_update");
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(sendPath(f.tag())))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("2348010000002")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("template")))
                .withRequestBody(matchingJsonPath("$.template.name", equalTo("order_update")))
                .withRequestBody(matchingJsonPath("$.template.language.code", equalTo("en_US")))
                .withRequestBody(matchingJsonPath("$.template.components[0].type", equalTo("body")))
                .withRequestBody(matchingJsonPath("$.template.components[0].parameters[1].text", equalTo("#1042"))));
    }

    @Test
    void aWhatsAppImageGoesAsOneMessageCaptionedByTheText() {
        Fixture f = on("WHATSAPP", "2348010000003", Duration.ofMinutes(5));
        stub(post(urlEqualTo(sendPath(f.tag()))), whatsAppOk("wamid.img" + f.tag()));
        String caption = "Here it is " + UUID.randomUUID();

        Api.Response answer = f.api().post(path(f), "{\"text\":\"" + caption
                + "\",\"imageUrl\":\"https://cdn.example.com/shirt.jpg\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("attachments").get(0).get("url").asString())
                .isEqualTo("https://cdn.example.com/shirt.jpg");
        JsonNode sent = f.await(caption, "SENT");
        assertThat(sent.get("attachments").get(0).get("type").asString()).isEqualTo("image");
        assertThat(outbound(f)).hasSize(1);
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(sendPath(f.tag())))
                .withRequestBody(matchingJsonPath("$.type", equalTo("image")))
                .withRequestBody(matchingJsonPath("$.image.link", equalTo("https://cdn.example.com/shirt.jpg")))
                .withRequestBody(matchingJsonPath("$.image.caption", equalTo(caption))));
    }

    @Test
    void aMessengerTextWithAnImageGoesAsTwoMessagesTextFirst() {
        Fixture f = on("MESSENGER", "7003", Duration.ofMinutes(5));
        String scenario = "two-" + f.tag();
        stub(post(urlEqualTo(sendPath(f.tag()))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("second"), ok("m_text_" + f.tag()));
        stub(post(urlEqualTo(sendPath(f.tag()))).inScenario(scenario).whenScenarioStateIs("second"),
                ok("m_image_" + f.tag()));
        String text = "Two photos coming " + UUID.randomUUID();

        Api.Response answer = f.api().post(path(f), "{\"text\":\"" + text
                + "\",\"imageUrl\":\"https://cdn.example.com/dress.jpg\"}");

        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.json().get("text").asString()).isEqualTo(text);
        assertThat(answer.json().get("attachments").isEmpty()).isTrue();
        await().atMost(Duration.ofSeconds(30)).until(() -> outbound(f).stream()
                .allMatch(m -> "SENT".equals(m.get("deliveryStatus").asString())) && outbound(f).size() == 2);
        List<JsonNode> sent = outbound(f);
        assertThat(sent.get(0).get("text").asString()).isEqualTo(text);
        assertThat(sent.get(1).get("text").isNull()).isTrue();
        assertThat(sent.get(1).get("attachments").get(0).get("url").asString())
                .isEqualTo("https://cdn.example.com/dress.jpg");
        List<LoggedRequest> calls = callsTo(sendPath(f.tag()));
        assertThat(calls).hasSize(2);
        assertThat(calls.get(0).getBodyAsString()).contains(text);
        assertThat(calls.get(1).getBodyAsString()).contains("\"attachment\"").contains("\"type\":\"image\"")
                .contains("https://cdn.example.com/dress.jpg");
    }

    @Test
    void aRetriedPostWithTheSameIdempotencyKeySendsOnce() {
        Fixture f = on("INSTAGRAM", "igsid-701", Duration.ofMinutes(1));
        String text = "Only once please " + UUID.randomUUID();
        stub(post(urlEqualTo(SEND_PATH)).withRequestBody(matchingJsonPath("$.message.text", equalTo(text))),
                ok("m_once_" + f.tag()));
        Map<String, String> key = Map.of("Idempotency-Key", "reply-" + f.tag());

        Api.Response first = f.api().post(path(f), text(text), key);
        Api.Response retried = f.api().post(path(f), text(text), key);

        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.status()).isEqualTo(201);
        assertThat(retried.json().get("id").asString()).isEqualTo(first.json().get("id").asString());
        f.await(text, "SENT");
        assertThat(outbound(f)).hasSize(1);
        assertThat(KafkaEvents.collect(MESSAGES, MessageRecorded.class,
                e -> e.getConversationId().equals(f.conversationId()) && "OUTBOUND".equals(e.getDirection()),
                Duration.ofSeconds(2))).hasSize(1);
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(1))).hasSize(1);
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))));
        // and the same key with another text is refused, nothing more queued
        Api.Response reused = f.api().post(path(f), text("Something else"), key);
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().get("reason").asString()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(outbound(f)).hasSize(1);
    }

    @Test
    void anotherBusinessGets404AndNothingIsStoredOrSent() {
        Fixture f = on("INSTAGRAM", "igsid-702", Duration.ofMinutes(1));
        String text = "Not my customer " + UUID.randomUUID();

        Api.Response answer = Api.asOwnerOf(port, UUID.randomUUID()).post(path(f), text(text));

        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body()).doesNotContain("igsid-702");
        assertThat(outbound(f)).isEmpty();
        assertThat(ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(SEND_PATH))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text))))).isEmpty();
    }

    @Test
    void badInputIs400WithNothingStored() {
        Fixture f = on("INSTAGRAM", "igsid-703", Duration.ofMinutes(1));

        Api.Response blank = f.api().post(path(f), "{\"text\":\"   \"}");
        Api.Response plainHttp = f.api().post(path(f), "{\"text\":\"see\",\"imageUrl\":\"http://cdn.example.com/a.jpg\"}");
        Api.Response both = f.api().post(path(f), "{\"text\":\"hi\",\"template\":{\"name\":\"hello\",\"language\":\"en\"}}");
        Api.Response tooLong = f.api().post(path(f), text("₦".repeat(400)));
        Api.Response notJson = f.api().post(path(f), "{\"text\":");

        assertThat(blank.status()).isEqualTo(400);
        assertThat(blank.json().get("errors").has("text")).isTrue();
        assertThat(plainHttp.status()).isEqualTo(400);
        assertThat(plainHttp.json().get("errors").get("imageUrl").asString()).contains("https");
        assertThat(both.status()).isEqualTo(400);
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.json().get("errors").get("text").asString()).contains("1000");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(List.of(blank, plainHttp, both, tooLong, notJson))
                .allSatisfy(r -> assertThat(r.contentType()).startsWith("application/problem+json"));
        assertThat(outbound(f)).isEmpty();
        assertThat(KafkaEvents.collect(MESSAGES, MessageRecorded.class,
                e -> e.getConversationId().equals(f.conversationId()) && "OUTBOUND".equals(e.getDirection()),
                Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void aTemplateOnInstagramIs422() {
        Fixture f = on("INSTAGRAM", "igsid-704", Duration.ofMinutes(1));

        Api.Response answer = f.api().post(path(f), "{\"template\":{\"name\":\"hello\",\"language\":\"en\"}}");

        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.json().get("reason").asString()).isEqualTo("TEMPLATE_NOT_SUPPORTED");
        assertThat(outbound(f)).isEmpty();
    }

    @Test
    void withoutATokenIs401() {
        Fixture f = on("INSTAGRAM", "igsid-705", Duration.ofMinutes(1));

        assertThat(Api.anonymous(port).post(path(f), text("hi")).status()).isEqualTo(401);
        assertThat(outbound(f)).isEmpty();
    }

    @Test
    void aTokenWithoutAMemberRoleIs403() {
        Fixture f = on("INSTAGRAM", "igsid-706", Duration.ofMinutes(1));

        Api.Response answer = Api.asMemberOf(port, f.business(), UUID.randomUUID(), "VIEWER").post(path(f), text("hi"));

        assertThat(answer.status()).isEqualTo(403);
        assertThat(outbound(f)).isEmpty();
    }
}
