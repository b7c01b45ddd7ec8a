package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.conversationOn;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.error;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.reply;
import static com.sellavie.conversation.outbound.SendFixtures.sendPath;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Each channel type's Send API, against Graph stubs shaped like PROVIDERS.md §1.7: the right path
 * (Page id, phone number id), recipient and body, exactly once; Meta's errors ending as documented;
 * the window checked before calling Meta.
 */
@ConversationServiceTest
class ChannelSendTest {

    private static final Duration H23M59 = Duration.ofHours(23).plusMinutes(59);
    private static final Duration H24M01 = Duration.ofHours(24).plusMinutes(1);

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    private Fixture messenger(String psid, Duration customerWroteAgo) {
        return conversationOn(port, context, "MESSENGER", psid, Instant.now().minus(customerWroteAgo));
    }

    private Fixture whatsApp(String waId, Duration customerWroteAgo) {
        return conversationOn(port, context, "WHATSAPP", waId, Instant.now().minus(customerWroteAgo));
    }

    private static void stubPage(Fixture f, ResponseDefinitionBuilder answer) {
        stub(post(urlEqualTo(sendPath(f.tag()))), answer);
    }

    private static ResponseDefinitionBuilder whatsAppOk(String to, String wamid) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"messaging_product\":\"whatsapp\",\"contacts\":[{\"input\":\"" + to + "\",\"wa_id\":\""
                        + to + "\"}],\"messages\":[{\"id\":\"" + wamid + "\"}]}");
    }

    private static ResponseDefinitionBuilder refusal(int status, String body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static int callsTo(Fixture f) {
        return ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(sendPath(f.tag())))).size();
    }

    private static OutboundMessageFailed awaitFailure(Fixture f) {
        return KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
    }

    @Test
    void messengerReplyGoesOnceToThePageAsAResponse() {
        // Given a Messenger conversation with PSID 6001 (the customer wrote a minute ago)
        Fixture f = messenger("6001", Duration.ofMinutes(1));
        String text = "The shirt comes in blue " + UUID.randomUUID();
        stubPage(f, ok("m_page_" + f.conversationId()));

        // When the assistant's reply reaches the broker twice
        deliver(reply(f, text), 2);

        // Then the Page's Send API is called once, for that PSID, as a RESPONSE, with the Page token
        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_page_" + f.conversationId());
        assertThat(sent.getRecipient()).isEqualTo("6001");
        JsonNode shown = f.await(text, "SENT");
        assertThat(shown.get("authorType").asString()).isEqualTo("AI");
        assertThat(shown.get("authorId").isNull()).isTrue();
        assertThat(shown.get("attachments").isEmpty()).isTrue();
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(1))).hasSize(1);
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(sendPath(f.tag())))
                .withRequestBody(matchingJsonPath("$.recipient.id", equalTo("6001")))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE")))
                .withRequestBody(matchingJsonPath("$.message.text", equalTo(text)))
                .withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN)));
        assertThat(callsTo(f)).isEqualTo(1);
    }

    @Test
    void whatsAppReplyGoesOnceToThePhoneNumberForTheContactsWaId() {
        Fixture f = whatsApp("2348012345678", Duration.ofMinutes(1));
        String text = "Delivery takes two days " + UUID.randomUUID();
        stubPage(f, whatsAppOk("2348012345678", "wamid.HBgL" + f.tag()));

        deliver(reply(f, text), 2);

        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("wamid.HBgL" + f.tag());
        f.await(text, "SENT");
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(sendPath(f.tag())))
                .withRequestBody(matchingJsonPath("$.messaging_product", equalTo("whatsapp")))
                .withRequestBody(matchingJsonPath("$.recipient_type", equalTo("individual")))
                .withRequestBody(matchingJsonPath("$.to", equalTo("2348012345678")))
                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                .withRequestBody(matchingJsonPath("$.text.body", equalTo(text)))
                .withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN)));
        assertThat(callsTo(f)).isEqualTo(1);
    }

    @Test
    void aRejectedPageTokenFailsTheMessageAsChannelDisconnected() {
        Fixture f = messenger("6002", Duration.ofMinutes(1));
        stubPage(f, refusal(400, error("Error validating access token: Session has expired.", "OAuthException", 190)));

        deliver(reply(f, "Token gone " + UUID.randomUUID()), 1);

        OutboundMessageFailed failed = awaitFailure(f);
        assertThat(failed.getReason()).isEqualTo("CHANNEL_DISCONNECTED");
        assertThat(failed.getCode()).isEqualTo("190");
        assertThat(failed.toString()).doesNotContain(Inbound.TOKEN);
        assertThat(callsTo(f)).isEqualTo(1);
    }

    @Test
    void anUnavailableMessengerRecipientFailsAtOnce() {
        Fixture f = messenger("6003", Duration.ofMinutes(1));
        String text = "Anyone there? " + UUID.randomUUID();
        stubPage(f, refusal(400, error("This person isn't available right now.", "OAuthException", 551)));

        deliver(reply(f, text), 1);

        assertThat(awaitFailure(f).getReason()).isEqualTo("RECIPIENT_UNAVAILABLE");
        assertThat(f.await(text, "FAILED").get("attempts").asInt()).isEqualTo(1);
        assertThat(callsTo(f)).isEqualTo(1);
    }

    @Test
    void metasOutsideTheWindowRefusalFailsAsOutsideMessagingWindow() {
        Fixture f = messenger("6004", Duration.ofMinutes(1));
        stubPage(f, refusal(400, "{\"error\":{\"message\":\"(#10) This message is sent outside of allowed window.\","
                + "\"type\":\"OAuthException\",\"code\":10,\"error_subcode\":2018278,\"fbtrace_id\":\"Ab1\"}}"));

        deliver(reply(f, "Too late per Meta " + UUID.randomUUID()), 1);

        OutboundMessageFailed failed = awaitFailure(f);
        assertThat(failed.getReason()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(failed.getCode()).isEqualTo("10");
        assertThat(callsTo(f)).isEqualTo(1);
    }

    @Test
    void whatsAppReEngagementErrorFailsAsOutsideMessagingWindow() {
        Fixture f = whatsApp("2348012345679", Duration.ofMinutes(1));
        stubPage(f, refusal(400, "{\"error\":{\"message\":\"(#131047) Re-engagement message\",\"type\":\"OAuthException\","
                + "\"code\":131047,\"error_data\":{\"messaging_product\":\"whatsapp\",\"details\":\"Message failed to "
                + "send because more than 24 hours have passed since the customer last replied to this number.\"},"
                + "\"fbtrace_id\":\"Ab2\"}}"));

        deliver(reply(f, "Re-engage " + UUID.randomUUID()), 1);

        OutboundMessageFailed failed = awaitFailure(f);
        assertThat(failed.getReason()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(failed.getCode()).isEqualTo("131047");
        assertThat(callsTo(f)).isEqualTo(1);
    }

    @Test
    void whatsAppRateLimitIsRetriedThenSentOnce() {
        Fixture f = whatsApp("2348012345680", Duration.ofMinutes(1));
        String scenario = "wa-rate-" + f.tag();
        stub(post(urlEqualTo(sendPath(f.tag()))).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willSetStateTo("ok"), refusal(400, error("Rate limit hit", "OAuthException", 131056)));
        stub(post(urlEqualTo(sendPath(f.tag()))).inScenario(scenario).whenScenarioStateIs("ok"),
                whatsAppOk("2348012345680", "wamid.retry" + f.tag()));

        deliver(reply(f, "After the pause " + UUID.randomUUID()), 1);

        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getAttempts()).isEqualTo(2);
        assertThat(sent.getExternalMessageId()).isEqualTo("wamid.retry" + f.tag());
        assertThat(callsTo(f)).isEqualTo(2);
    }

    @Test
    void theAssistantsReplyAfter24HoursIsFailedWithoutCallingMeta() {
        // Given a customer who last wrote 24 h 01 min ago on Messenger
        Fixture f = messenger("6005", H24M01);
        String text = "Late answer " + UUID.randomUUID();
        stubPage(f, ok("m_never"));

        // When the assistant's reply arrives
        deliver(reply(f, text), 1);

        // Then it is FAILED as outside the window, and Meta is never called (HUMAN_AGENT is not for the AI)
        OutboundMessageFailed failed = awaitFailure(f);
        assertThat(failed.getReason()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(failed.getAttempts()).isZero();
        assertThat(f.await(text, "FAILED").get("failureReason").asString()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(callsTo(f)).isZero();
    }

    @Test
    void theAssistantsReplyAt23Hours59IsStillSent() {
        Fixture f = messenger("6006", H23M59);
        String text = "Just in time " + UUID.randomUUID();
        stubPage(f, ok("m_in_time"));

        deliver(reply(f, text), 1);

        f.await(text, "SENT");
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(sendPath(f.tag())))
                .withRequestBody(matchingJsonPath("$.messaging_type", equalTo("RESPONSE"))));
    }

    @Test
    void aWhatsAppReplyAfter24HoursIsFailedWithoutCallingMeta() {
        Fixture f = whatsApp("2348012345681", H24M01);
        String text = "Outside the service window " + UUID.randomUUID();
        stubPage(f, whatsAppOk("2348012345681", "wamid.never"));

        deliver(reply(f, text), 1);

        assertThat(f.await(text, "FAILED").get("failureReason").asString()).isEqualTo("OUTSIDE_MESSAGING_WINDOW");
        assertThat(callsTo(f)).isZero();
    }
}
