package com.sellavie.conversation.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.sellavie.conversation.outbound.SendFixtures.MESSAGES;
import static com.sellavie.conversation.outbound.SendFixtures.deliver;
import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.sendPath;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.channel.StoredChannels;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.ingest.InboundComment;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * Issue 8 item 12: a customer's public comment is recorded as a COMMENT; with "Answer comments with a
 * private message" on and the conversation in BOT mode the assistant's reply goes out once as Meta's
 * private reply ({@code recipient.comment_id}), only within 7 days of the comment; with it off the
 * comment is only recorded. Meta is WireMock, shaped like the Private Replies documentation.
 */
@ConversationServiceTest
class PrivateReplyTest {

    private static final String REQUESTS = Topics.CONVERSATION_REPLY_REQUESTS.name();

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;

    /** A business with a {@code type} channel and private replies {@code on} or off. */
    private record Business(UUID id, Api owner, String channelExternalId, String type) {
    }

    private Business business(String type, boolean privateReplies) {
        UUID id = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, id);
        String externalId = String.valueOf(100_000_000_000L + Math.abs(UUID.randomUUID().getLeastSignificantBits()
                % 900_000_000_000L));
        StoredChannels.store(context, id, type, externalId, Inbound.TOKEN);
        assertThat(owner.put("/api/comments/settings", "{\"privateReplies\":" + privateReplies + "}").status())
                .isEqualTo(200);
        return new Business(id, owner, externalId, type);
    }

    private static InboundMessageReceived comment(Business b, String customer, String commentId, String text,
            Instant commentedAt) {
        return InboundMessageReceived.newBuilder(Inbound.message(b.id(), b.channelExternalId(), customer, commentId,
                        text, commentedAt))
                .setChannelType(b.type())
                .setComment(new InboundComment(commentId, "post-" + commentId, null, null))
                .build();
    }

    /** The comment delivered {@code times} times, and the ReplyRequested it caused. */
    private static Fixture commented(Business b, String customer, String text, Instant commentedAt, int times) {
        String commentId = "1785" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Inbound.deliver(comment(b, customer, commentId, text, commentedAt), times);
        ReplyRequested request = KafkaEvents.awaitFirst(REQUESTS, ReplyRequested.class,
                r -> ("[comment on your post] " + text).equals(r.getTriggerText())).getFirst().value();
        return new Fixture(b.id(), b.owner(), request.getConversationId(), request, commentId);
    }

    private static String path(Business b) {
        return "INSTAGRAM".equals(b.type()) ? SendFixtures.SEND_PATH : sendPath(b.channelExternalId());
    }

    private static int privateRepliesTo(Business b, String commentId) {
        return ConversationTestInfrastructure.GRAPH.findAll(postRequestedFor(urlEqualTo(path(b)))
                .withRequestBody(equalToJson("{\"recipient\":{\"comment_id\":\"" + commentId + "\"}}", true, true)))
                .size();
    }

    private static OutboundMessageFailed awaitFailure(Fixture f) {
        return KafkaEvents.awaitFirst(MESSAGES, OutboundMessageFailed.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
    }

    @Test
    void instagramCommentIsAnsweredOnceByAPrivateReplyToTheComment() {
        Business b = business("INSTAGRAM", true);
        String text = "How much is the linen dress? " + UUID.randomUUID();
        // Meta delivered the comment twice: one COMMENT, one ReplyRequested
        Fixture f = commented(b, "IGSID-pr1", text, Instant.now().minus(Duration.ofHours(1)), 2);
        String answer = "It is 45 EUR " + UUID.randomUUID();
        stub(post(urlEqualTo(SendFixtures.SEND_PATH)).withRequestBody(equalToJson(
                "{\"recipient\":{\"comment_id\":\"" + f.tag() + "\"}}", true, true)), ok("m_pr_" + f.tag()));

        // the reply reaches the broker twice
        deliver(SendFixtures.reply(f, answer), 2);

        OutboundMessageSent sent = KafkaEvents.awaitFirst(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId())).getFirst().value();
        assertThat(sent.getExternalMessageId()).isEqualTo("m_pr_" + f.tag());
        JsonNode shown = f.await(answer, "SENT");
        assertThat(shown.get("privateReplyTo").asString()).isEqualTo(f.tag());
        JsonNode commentShown = f.awaitInbound(text);
        assertThat(commentShown.get("kind").asString()).isEqualTo("COMMENT");
        assertThat(commentShown.get("comment").get("id").asString()).isEqualTo(f.tag());
        assertThat(commentShown.get("comment").get("postId").asString()).isEqualTo("post-" + f.tag());
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(SendFixtures.SEND_PATH))
                .withRequestBody(equalToJson("{\"recipient\":{\"comment_id\":\"" + f.tag() + "\"},"
                        + "\"message\":{\"text\":\"" + answer + "\"}}"))
                .withHeader("Authorization", equalTo("Bearer " + Inbound.TOKEN)));
        assertThat(f.messages().stream().filter(m -> "INBOUND".equals(m.get("direction").asString()))).hasSize(1);
    }

    @Test
    void messengerCommentIsAnsweredByAPrivateReplyThroughThePage() {
        Business b = business("MESSENGER", true);
        String text = "Do you ship to Lagos? " + UUID.randomUUID();
        Fixture f = commented(b, "USER-pr2", text, Instant.now().minus(Duration.ofMinutes(5)), 1);
        String answer = "Yes, in two days " + UUID.randomUUID();
        stub(post(urlEqualTo(path(b))), ok("m_page_pr_" + f.tag()));

        deliver(SendFixtures.reply(f, answer), 1);

        f.await(answer, "SENT");
        ConversationTestInfrastructure.GRAPH.verify(1, postRequestedFor(urlEqualTo(path(b)))
                .withRequestBody(equalToJson("{\"recipient\":{\"comment_id\":\"" + f.tag() + "\"},"
                        + "\"message\":{\"text\":\"" + answer + "\"}}")));
    }

    @Test
    void aSecondReplyToTheSameCommentIsRecordedFailedAndNeverSent() {
        Business b = business("INSTAGRAM", true);
        Fixture f = commented(b, "IGSID-pr3", "Size M? " + UUID.randomUUID(), Instant.now(), 1);
        stub(post(urlEqualTo(SendFixtures.SEND_PATH)).withRequestBody(equalToJson(
                "{\"recipient\":{\"comment_id\":\"" + f.tag() + "\"}}", true, true)), ok("m_once_" + f.tag()));
        String first = "Yes we have M " + UUID.randomUUID();
        deliver(SendFixtures.reply(f, first), 1);
        f.await(first, "SENT");

        // a second answer to the same request (another event id: the assistant ran again)
        String second = "M is back in stock " + UUID.randomUUID();
        deliver(SendFixtures.reply(f, second), 1);

        JsonNode refused = f.await(second, "FAILED");
        assertThat(refused.get("failureReason").asString()).isEqualTo("COMMENT_ALREADY_ANSWERED");
        assertThat(refused.has("privateReplyTo")).isFalse();
        assertThat(awaitFailure(f).getReason()).isEqualTo("COMMENT_ALREADY_ANSWERED");
        assertThat(privateRepliesTo(b, f.tag())).isEqualTo(1);
    }

    @Test
    void aCommentSixDaysAndTwentyThreeHoursOldIsStillAnswered() {
        Business b = business("INSTAGRAM", true);
        Fixture f = commented(b, "IGSID-pr4", "Still there? " + UUID.randomUUID(),
                Instant.now().minus(Duration.ofDays(6).plusHours(23)), 1);
        stub(post(urlEqualTo(SendFixtures.SEND_PATH)).withRequestBody(equalToJson(
                "{\"recipient\":{\"comment_id\":\"" + f.tag() + "\"}}", true, true)), ok("m_late_" + f.tag()));
        String answer = "Yes! " + UUID.randomUUID();

        deliver(SendFixtures.reply(f, answer), 1);

        f.await(answer, "SENT");
        assertThat(privateRepliesTo(b, f.tag())).isEqualTo(1);
    }

    @Test
    void aCommentSevenDaysAndAMinuteOldIsNotAnsweredAndTheReasonIsRecorded() {
        Business b = business("MESSENGER", true);
        Fixture f = commented(b, "USER-pr5", "Price? " + UUID.randomUUID(),
                Instant.now().minus(Duration.ofDays(7).plusMinutes(1)), 1);
        String answer = "Too late " + UUID.randomUUID();

        deliver(SendFixtures.reply(f, answer), 1);

        JsonNode refused = f.await(answer, "FAILED");
        assertThat(refused.get("failureReason").asString()).isEqualTo("PRIVATE_REPLY_WINDOW_CLOSED");
        assertThat(awaitFailure(f).getReason()).isEqualTo("PRIVATE_REPLY_WINDOW_CLOSED");
        assertThat(privateRepliesTo(b, f.tag())).isZero();
    }

    @Test
    void withPrivateRepliesOffACommentIsShownButAsksTheAssistantNothing() {
        Business b = business("INSTAGRAM", false);
        String commentText = "Nice colours " + UUID.randomUUID();
        String commentId = "1786" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Inbound.deliver(comment(b, "IGSID-pr6", commentId, commentText, Instant.now()), 1);
        // then a DM from the same customer (same partition, after the comment)
        String dm = "Can I order? " + UUID.randomUUID();
        Inbound.deliver(InboundMessageReceived.newBuilder(Inbound.message(b.id(), b.channelExternalId(), "IGSID-pr6",
                "mid." + UUID.randomUUID(), dm, Instant.now())).build(), 1);

        ReplyRequested forDm = KafkaEvents.awaitFirst(REQUESTS, ReplyRequested.class,
                r -> dm.equals(r.getTriggerText())).getFirst().value();
        assertThat(KafkaEvents.collect(REQUESTS, ReplyRequested.class,
                r -> r.getTriggerText() != null && r.getTriggerText().contains(commentText), Duration.ofSeconds(1)))
                .isEmpty();
        Fixture f = new Fixture(b.id(), b.owner(), forDm.getConversationId(), forDm, commentId);
        JsonNode shown = f.awaitInbound(commentText);
        assertThat(shown.get("kind").asString()).isEqualTo("COMMENT");
        assertThat(f.awaitInbound(dm).get("kind").asString()).isEqualTo("MESSAGE");
    }

    @Test
    void aCommentOpensNoMessagingWindowAndTheInboxSaysItIsAComment() {
        Business b = business("INSTAGRAM", false);
        String commentText = "Love it " + UUID.randomUUID();
        String commentId = "1787" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L);
        Inbound.deliver(comment(b, "IGSID-pr7", commentId, commentText, Instant.now()), 1);

        JsonNode summary = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30))
                .until(() -> b.owner().get("/api/conversations").json(), items -> !items.isEmpty())
                .get(0);

        assertThat(summary.get("lastMessage").get("kind").asString()).isEqualTo("COMMENT");
        assertThat(summary.get("lastMessage").get("text").asString()).isEqualTo(commentText);
        assertThat(summary.get("windowClosesAt").isNull()).isTrue();
        assertThat(summary.get("unread").asInt()).isEqualTo(1);
    }

    @Test
    void anotherBusinesssReplyCannotAnswerThisBusinesssComment() {
        Business b = business("INSTAGRAM", true);
        Fixture f = commented(b, "IGSID-pr8", "Hello? " + UUID.randomUUID(), Instant.now(), 1);
        UUID intruder = UUID.randomUUID();
        String text = "Not yours " + UUID.randomUUID();

        deliver(ReplyGenerated.newBuilder(SendFixtures.reply(f, text))
                .setBusinessId(intruder).build(), 1);

        // nothing recorded for this business, no private reply made
        assertThat(KafkaEvents.collect(MESSAGES, OutboundMessageSent.class,
                e -> e.getConversationId().equals(f.conversationId()), Duration.ofSeconds(2))).isEmpty();
        assertThat(f.message(text)).isNull();
        assertThat(privateRepliesTo(b, f.tag())).isZero();
    }
}
