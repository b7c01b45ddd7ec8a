package com.sellavie.conversation.inbound;

import static com.sellavie.conversation.outbound.SendFixtures.ok;
import static com.sellavie.conversation.outbound.SendFixtures.send;
import static com.sellavie.conversation.outbound.SendFixtures.stub;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.outbound.SendFixtures;
import com.sellavie.conversation.outbound.SendFixtures.Fixture;
import com.sellavie.conversation.support.Api;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.conversation.support.KafkaEvents;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.ingest.InboundAttachment;
import com.sellavie.events.ingest.InboundInteractiveReply;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.InboundReaction;
import com.sellavie.events.ingest.InboundStoryReply;
import com.sellavie.schemas.Topics;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Customers' non-text messages (issue 8 item 5, inbound): kept with their attachments, shown in the
 * message JSON, answered by the assistant from a text stand-in; reactions recorded on the message
 * reacted to, never as a message of their own.
 */
@ConversationServiceTest
class InboundContentTest {

    private static final String REPLY_REQUESTS = Topics.CONVERSATION_REPLY_REQUESTS.name();

    @LocalServerPort
    int port;

    @Test
    void storyReplyWithAnImageIsShownWithBothAndTheAssistantReadsAStandIn() {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        String tag = UUID.randomUUID().toString();
        InboundMessageReceived event = InboundMessageReceived.newBuilder(Inbound.message(business, account,
                        "igsid-story", "mid.story." + tag, "Do you have it in red? " + tag, Instant.now()))
                .setReplyToStory(new InboundStoryReply("17887000", "https://lookaside.fbsbx.com/story/" + tag))
                .setAttachments(List.of(new InboundAttachment("image", "https://lookaside.fbsbx.com/img/" + tag,
                        null, null)))
                .build();

        Inbound.deliver(event, 1);

        ReplyRequested request = awaitReplyRequest(r -> r.getTriggerText() != null
                && r.getTriggerText().endsWith("Do you have it in red? " + tag));
        assertThat(request.getTriggerText()).isEqualTo("[reply to your story] [image] Do you have it in red? " + tag);
        JsonNode message = onlyMessage(api, request.getConversationId());
        assertThat(message.get("text").asString()).isEqualTo("Do you have it in red? " + tag);
        assertThat(message.get("attachments").valueStream().map(a -> a.get("type").asString() + " "
                + a.get("url").asString()).toList()).containsExactly(
                "story_reply https://lookaside.fbsbx.com/story/" + tag, "image https://lookaside.fbsbx.com/img/" + tag);
        assertThat(message.get("reactions").isEmpty()).isTrue();
    }

    @Test
    void whatsappImageWithoutTextKeepsItsMediaIdWithoutALink() {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        String caption = "This one? " + UUID.randomUUID();

        Inbound.deliver(InboundMessageReceived.newBuilder(Inbound.message(business, account, "igsid-media",
                        "mid.media." + caption, null, Instant.now()))
                .setAttachments(List.of(new InboundAttachment("image", null, "1477000", caption))).build(), 1);

        ReplyRequested request = awaitReplyRequest(r -> ("[image] " + caption).equals(r.getTriggerText()));
        JsonNode message = onlyMessage(api, request.getConversationId());
        assertThat(message.get("text").isNull()).isTrue();
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("type").asString()).isEqualTo("image");
        assertThat(attachment.get("url").isNull()).isTrue();
        assertThat(attachment.get("mediaId").asString()).isEqualTo("1477000");
        assertThat(attachment.get("caption").asString()).isEqualTo(caption);
    }

    @Test
    void tappedButtonIsRecordedAsItsTitle() {
        UUID business = UUID.randomUUID();
        Api api = Api.asOwnerOf(port, business);
        String account = Inbound.connectChannel(api);
        String title = "Size M " + UUID.randomUUID();

        Inbound.deliver(InboundMessageReceived.newBuilder(Inbound.message(business, account, "igsid-button",
                        "mid.button." + title, null, Instant.now()))
                .setInteractive(new InboundInteractiveReply("quick_reply", "SIZE_M", title)).build(), 1);

        ReplyRequested request = awaitReplyRequest(r -> title.equals(r.getTriggerText()));
        assertThat(onlyMessage(api, request.getConversationId()).get("text").asString()).isEqualTo(title);
    }

    @Test
    void reactionIsShownOnTheMessageReactedToAndTheLatestWins() {
        Fixture f = SendFixtures.conversation(port, "igsid-react");
        String reply = "We have it in red " + f.tag();
        String mid = "mid.out.react." + f.tag();
        stub(send(reply), ok(mid));
        SendFixtures.deliver(SendFixtures.reply(f, reply), 1);
        f.await(reply, "SENT");
        String account = f.api().get("/api/channels").json().get(0).get("externalId").asString();
        Instant reactedAt = Instant.now();

        Inbound.deliver(reaction(f, account, mid, "REACT", "\u2764", reactedAt), 2);

        JsonNode reacted = Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.message(reply),
                m -> !m.get("reactions").isEmpty());
        assertThat(reacted.get("reactions").get(0).get("emoji").asString()).isEqualTo("\u2764");
        assertThat(reacted.get("reactions").get(0).get("by").asString()).isEqualTo("CUSTOMER");

        // An older reaction arriving late changes nothing; removing it (later) clears it.
        Inbound.deliver(reaction(f, account, mid, "REACT", "\uD83D\uDE2E", reactedAt.minusSeconds(60)), 1);
        Inbound.deliver(reaction(f, account, mid, "UNREACT", null, reactedAt.plusSeconds(5)), 1);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> f.message(reply).get("reactions").isEmpty());
        assertThat(f.messages()).hasSize(2);
        assertThat(KafkaEvents.collect(REPLY_REQUESTS, ReplyRequested.class,
                r -> r.getConversationId().equals(f.conversationId()), Duration.ofSeconds(2))).hasSize(1);
    }

    private static InboundMessageReceived reaction(Fixture f, String account, String target, String action,
            String emoji, Instant at) {
        return InboundMessageReceived.newBuilder(Inbound.message(f.business(), account, "igsid-react",
                        "reaction:" + target + ":igsid-react:" + at.toEpochMilli(), null, at))
                .setReaction(new InboundReaction(action, emoji, target)).build();
    }

    private static ReplyRequested awaitReplyRequest(java.util.function.Predicate<ReplyRequested> matching) {
        return KafkaEvents.awaitFirst(REPLY_REQUESTS, ReplyRequested.class, matching).getFirst().value();
    }

    private static JsonNode onlyMessage(Api api, UUID conversationId) {
        List<JsonNode> messages = api.get("/api/conversations/" + conversationId + "/messages").json().valueStream()
                .toList();
        assertThat(messages).hasSize(1);
        return messages.getFirst();
    }
}
