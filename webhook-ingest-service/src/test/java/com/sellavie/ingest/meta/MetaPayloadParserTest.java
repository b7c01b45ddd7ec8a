package com.sellavie.ingest.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class MetaPayloadParserTest {

    private final MetaPayloadParser parser = new MetaPayloadParser();

    @Test
    void decodesMetasEscapesInInstagramText() throws Exception {
        String json = MetaWebhooks.instagramBatch(List.of(new MetaWebhooks.Dm("17841", "IGSID", "mid.1",
                "Gr\u00fc\u00dfe https://a.example/b")));
        assertThat(json).contains("Gr\\u00fc\\u00dfe https:\\/\\/a.example\\/b");

        MetaNotification notification = parse(json);

        assertThat(notification.messages()).containsExactly(new MetaMessage("INSTAGRAM", "17841", "IGSID", "mid.1",
                "Gr\u00fc\u00dfe https://a.example/b", Instant.ofEpochMilli(1569262485349L), null, null, null));
    }

    @Test
    void skipsEchoesAndNamesNonMessageEvents() throws Exception {
        assertThat(parse(MetaWebhooks.instagramEcho("17841", "IGSID", "m", "ours")).ignored()).containsExactly("echo");
        assertThat(parse(MetaWebhooks.messagingEvent("instagram", "17841", "{\"sender\":{\"id\":\"IGSID\"},"
                + "\"recipient\":{\"id\":\"17841\"},\"timestamp\":1,\"postback\":{\"payload\":\"P\"}}"))
                .ignored()).containsExactly("postback");
    }

    @Test
    void instagramAttachmentsAndAStoryReplyCarryTheirTypesAndLinks() throws Exception {
        MetaNotification notification = parse(MetaWebhooks.instagramMessage("17841", "IGSID", "{\"mid\":\"mid.7\","
                + "\"text\":\"Love this!\",\"reply_to\":{\"story\":{\"url\":\"https:\\/\\/lookaside.fbsbx.com\\/story\","
                + "\"id\":\"17887\"}},\"attachments\":[{\"type\":\"image\",\"payload\":{\"url\":"
                + "\"https:\\/\\/lookaside.fbsbx.com\\/img\"}},{\"type\":\"ig_reel\",\"payload\":{\"url\":"
                + "\"https:\\/\\/lookaside.fbsbx.com\\/reel\",\"title\":\"A reel\"}}]}"));

        MetaMessage message = notification.messages().getFirst();
        assertThat(message.text()).isEqualTo("Love this!");
        assertThat(message.content().attachments()).containsExactly(
                new MetaContent.Attachment("image", "https://lookaside.fbsbx.com/img", null, null),
                new MetaContent.Attachment("ig_reel", "https://lookaside.fbsbx.com/reel", null, null));
        assertThat(message.content().storyReply())
                .isEqualTo(new MetaContent.StoryReply("17887", "https://lookaside.fbsbx.com/story"));
    }

    @Test
    void messengerQuickReplyIsAnInteractiveChoiceWithItsPayload() throws Exception {
        MetaMessage message = parse(MetaWebhooks.messagingEvent("page", "PAGE1", "{\"sender\":{\"id\":\"PSID1\"},"
                + "\"recipient\":{\"id\":\"PAGE1\"},\"timestamp\":1458692752478,\"message\":{\"mid\":\"mid.q\","
                + "\"text\":\"Size M\",\"quick_reply\":{\"payload\":\"SIZE_M\"}}}")).messages().getFirst();

        assertThat(message.content().interactive())
                .isEqualTo(new MetaContent.Interactive("quick_reply", "SIZE_M", "Size M"));
    }

    @Test
    void reactionsAreMessagesWithAStableIdNamingTheMessageReactedTo() throws Exception {
        String love = MetaWebhooks.reaction("instagram", "17841", "IGSID", "mid.target", "react", "\u2764");
        MetaMessage reaction = parse(love).messages().getFirst();
        MetaMessage removed = parse(MetaWebhooks.reaction("page", "PAGE1", "PSID1", "mid.t2", "unreact", null))
                .messages().getFirst();

        assertThat(reaction.content().reaction()).isEqualTo(new MetaContent.Reaction("REACT", "\u2764", "mid.target"));
        assertThat(reaction.externalMessageId()).isEqualTo("reaction:mid.target:IGSID:1569262485349")
                .isEqualTo(parse(love).messages().getFirst().externalMessageId());
        assertThat(reaction.text()).isNull();
        assertThat(removed.content().reaction()).isEqualTo(new MetaContent.Reaction("UNREACT", null, "mid.t2"));
        assertThat(parser.messageDocuments(love.getBytes(StandardCharsets.UTF_8)))
                .containsOnlyKeys(reaction.externalMessageId());
    }

    @Test
    void whatsappMediaHasAnIdAndACaptionButNoLink() throws Exception {
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.I", "image",
                "{\"caption\":\"This one?\",\"mime_type\":\"image\\/jpeg\",\"sha256\":\"abc\",\"id\":\"1234567\"}"))
                .content().attachments()).containsExactly(new MetaContent.Attachment("image", null, "1234567", "This one?"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.D", "document",
                "{\"filename\":\"order.pdf\",\"mime_type\":\"application\\/pdf\",\"id\":\"765\"}"))
                .content().attachments()).containsExactly(new MetaContent.Attachment("file", null, "765", "order.pdf"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.S", "sticker",
                "{\"mime_type\":\"image\\/webp\",\"id\":\"99\",\"animated\":false}"))
                .content().attachments()).containsExactly(new MetaContent.Attachment("sticker", null, "99", null));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.A", "audio",
                "{\"mime_type\":\"audio\\/ogg; codecs=opus\",\"id\":\"55\",\"voice\":true}")).text()).isNull();
    }

    @Test
    void whatsappInteractiveAndButtonRepliesNameTheChoice() throws Exception {
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.B", "interactive",
                "{\"type\":\"button_reply\",\"button_reply\":{\"id\":\"yes-size-m\",\"title\":\"Yes, M\"}}"))
                .content().interactive()).isEqualTo(new MetaContent.Interactive("button_reply", "yes-size-m", "Yes, M"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.L", "interactive",
                "{\"type\":\"list_reply\",\"list_reply\":{\"id\":\"row-2\",\"title\":\"Blue\",\"description\":\"d\"}}"))
                .content().interactive()).isEqualTo(new MetaContent.Interactive("list_reply", "row-2", "Blue"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.T", "button",
                "{\"payload\":\"STOP\",\"text\":\"Stop promotions\"}"))
                .content().interactive()).isEqualTo(new MetaContent.Interactive("button", "STOP", "Stop promotions"));
    }

    @Test
    void whatsappLocationsReactionsAndUnknownTypesAreKeptForWhatTheyAre() throws Exception {
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.P", "location",
                "{\"latitude\":6.5244,\"longitude\":3.3792,\"name\":\"Shop\",\"address\":\"1 Marina, Lagos\"}"))
                .content().location()).isEqualTo(new MetaContent.Location(6.5244, 3.3792, "Shop", "1 Marina, Lagos"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.R", "reaction",
                "{\"message_id\":\"wamid.OURS\",\"emoji\":\"\\uD83D\\uDE00\"}")).content().reaction())
                .isEqualTo(new MetaContent.Reaction("REACT", "\uD83D\uDE00", "wamid.OURS"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.U", "reaction",
                "{\"message_id\":\"wamid.OURS\"}")).content().reaction())
                .isEqualTo(new MetaContent.Reaction("UNREACT", null, "wamid.OURS"));
        assertThat(whatsapp(MetaWebhooks.whatsappTyped("16505551234", "wamid.X", "unsupported",
                "{}")).content().attachments()).extracting(MetaContent.Attachment::type).containsExactly("unsupported");
    }

    @Test
    void whatsappStatusesCarryTheirStateAndMetasErrorWhenFailed() throws Exception {
        MetaNotification failed = parse(MetaWebhooks.whatsappStatus("WABA1", "106540352242922", "15550783881",
                "16505551234", "wamid.OUT", "failed", "1750030073"));
        MetaNotification read = parse(MetaWebhooks.whatsappStatus("WABA1", "106540352242922", "15550783881",
                "16505551234", "wamid.OUT", "read", "1750030080"));

        assertThat(failed.messages()).isEmpty();
        assertThat(failed.statuses()).containsExactly(new MetaStatus("WHATSAPP", "106540352242922", "16505551234",
                "FAILED", List.of("wamid.OUT"), null, Instant.ofEpochSecond(1750030073L), "131047",
                "Re-engagement message", "15550783881", "WABA1"));
        assertThat(read.statuses()).extracting(MetaStatus::status, MetaStatus::errorCode)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("READ", null));
    }

    @Test
    void messengerDeliveryAndReadAreStatusesOfTheCustomersConversation() throws Exception {
        MetaStatus delivered = parse(MetaWebhooks.messengerDelivery("PAGE1", "PSID1", List.of("mid.a", "mid.b"),
                1458668856253L)).statuses().getFirst();
        MetaStatus read = parse(MetaWebhooks.messengerRead("PAGE1", "PSID1", 1458668856253L)).statuses().getFirst();
        MetaStatus instagramRead = parse(MetaWebhooks.instagramRead("17841", "IGSID", "mid.c")).statuses().getFirst();

        assertThat(delivered).extracting(MetaStatus::channelType, MetaStatus::channelExternalId,
                MetaStatus::recipientExternalId, MetaStatus::status, MetaStatus::externalMessageIds, MetaStatus::watermark)
                .containsExactly("MESSENGER", "PAGE1", "PSID1", "DELIVERED", List.of("mid.a", "mid.b"),
                        Instant.ofEpochMilli(1458668856253L));
        assertThat(read.status()).isEqualTo("READ");
        assertThat(read.externalMessageIds()).isEmpty();
        assertThat(read.watermark()).isEqualTo(Instant.ofEpochMilli(1458668856253L));
        assertThat(instagramRead).extracting(MetaStatus::status, MetaStatus::externalMessageIds)
                .containsExactly("READ", List.of("mid.c"));
    }

    @Test
    void messengerPageMessagesAreMessengerChannelMessages() throws Exception {
        assertThat(parse(MetaWebhooks.messengerDm("PAGE1", "PSID1", "mid.2", "hello")).messages())
                .extracting(MetaMessage::channelType, MetaMessage::channelExternalId, MetaMessage::senderExternalId)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("MESSENGER", "PAGE1", "PSID1"));
    }

    @Test
    void whatsappTextCarriesTheRoutingLayersAndTheSendersName() throws Exception {
        MetaNotification notification = parse(MetaWebhooks.whatsappText("WABA1", "106540352242922", "15550783881",
                "16505551234", "Ada", "wamid.HBgL", "Hallo"));

        assertThat(notification.messages()).containsExactly(new MetaMessage("WHATSAPP", "106540352242922",
                "16505551234", "wamid.HBgL", "Hallo", Instant.ofEpochSecond(1739321024L), "Ada", "15550783881",
                "WABA1"));
    }

    @Test
    void eachMessageIsKeptAsAOneMessageWebhookThatParsesBackIntoTheSameMessage() throws Exception {
        String batch = MetaWebhooks.instagramBatch(List.of(new MetaWebhooks.Dm("17841", "IGSID", "mid.1", "one \u00e4"),
                new MetaWebhooks.Dm("17841", "IGSID", "mid.2", "two")));
        String whatsapp = MetaWebhooks.whatsappText("WABA1", "106540352242922", "15550783881", "16505551234", "Ada",
                "wamid.HBgL", "Hallo");

        for (String json : List.of(batch, whatsapp, MetaWebhooks.messengerDm("PAGE1", "PSID1", "mid.3", "hi"))) {
            byte[] body = json.getBytes(StandardCharsets.UTF_8);
            java.util.Map<String, String> documents = parser.messageDocuments(body);
            List<MetaMessage> messages = parser.parse(body).messages();

            assertThat(documents.keySet()).containsExactlyElementsOf(messages.stream()
                    .map(MetaMessage::externalMessageId).toList());
            for (MetaMessage message : messages) {
                String document = documents.get(message.externalMessageId());
                assertThat(parse(document).messages()).containsExactly(message);
            }
        }
        assertThat(parser.messageDocuments(batch.getBytes(StandardCharsets.UTF_8)).get("mid.1"))
                .doesNotContain("mid.2");
    }

    @Test
    void unknownObjectTypesAreUnsupportedNotMalformed() throws Exception {
        MetaNotification notification = parse("{\"object\":\"user\",\"entry\":[{\"id\":\"1\",\"changes\":[]}]}");

        assertThat(notification.supported()).isFalse();
        assertThat(notification.objectType()).isEqualTo("user");
    }

    @Test
    void refusesWhatIsNotMetasJsonShape() {
        for (String body : List.of("", "nul", "{", "[]", "{\"entry\":[]}", "{\"object\":\"instagram\",\"entry\":{}}",
                "{\"object\":\"instagram\",\"entry\":[]}{}")) {
            assertThatThrownBy(() -> parse(body)).as(body).isInstanceOf(MalformedPayloadException.class);
        }
    }

    private MetaMessage whatsapp(String messageJson) throws MalformedPayloadException {
        return parse(MetaWebhooks.whatsappMessage("WABA1", "106540352242922", "15550783881", "16505551234", "Ada",
                messageJson)).messages().getFirst();
    }

    private MetaNotification parse(String json) throws MalformedPayloadException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void instagramCommentIsAMessageCarryingTheCommentAndItsMedia() throws Exception {
        MetaMessage comment = parse(MetaWebhooks.instagramComment("17841", "IGSID", "17858893269000001",
                "How much is this?", "17895695668004550")).messages().getFirst();

        assertThat(comment).isEqualTo(new MetaMessage("INSTAGRAM", "17841", "IGSID", "17858893269000001",
                "How much is this?", Instant.ofEpochSecond(1732968000), null, null, null,
                MetaContent.comment(new MetaContent.Comment("17858893269000001", "17895695668004550", null, "FEED"))));
    }

    @Test
    void facebookPageCommentIsAMessageWithItsPostAndNoParentWhenTopLevel() throws Exception {
        MetaMessage comment = parse(MetaWebhooks.pageComment("PAGE1", "USER1", "add", "POST1_C1", "PAGE1_POST1",
                "PAGE1_POST1", "Still available?")).messages().getFirst();

        assertThat(comment).isEqualTo(new MetaMessage("MESSENGER", "PAGE1", "USER1", "POST1_C1", "Still available?",
                Instant.ofEpochSecond(1732968000), "Ada Buyer", null, null,
                MetaContent.comment(new MetaContent.Comment("POST1_C1", "PAGE1_POST1", null, null))));
    }

    @Test
    void facebookReplyInAThreadNamesTheCommentItAnswers() throws Exception {
        MetaMessage reply = parse(MetaWebhooks.pageComment("PAGE1", "USER1", "add", "POST1_C2", "PAGE1_POST1",
                "POST1_C1", "me too")).messages().getFirst();

        assertThat(reply.content().comment().parentId()).isEqualTo("POST1_C1");
    }

    @Test
    void theBusinesssOwnCommentsAreIgnored() throws Exception {
        assertThat(parse(MetaWebhooks.instagramComment("17841", "17841", "C1", "Thanks!", "M1")))
                .satisfies(n -> assertThat(n.messages()).isEmpty())
                .satisfies(n -> assertThat(n.ignored()).containsExactly("own_comment"));
        assertThat(parse(MetaWebhooks.pageComment("PAGE1", "PAGE1", "add", "C2", "PAGE1_P", "PAGE1_P", "DM us"))
                .ignored()).containsExactly("own_comment");
    }

    @Test
    void editedRemovedAndHiddenCommentsAreIgnoredByName() throws Exception {
        assertThat(parse(MetaWebhooks.pageComment("PAGE1", "USER1", "edited", "C1", "P", "P", "typo fixed")).ignored())
                .containsExactly("comment_edited");
        assertThat(parse(MetaWebhooks.pageComment("PAGE1", "USER1", "remove", "C1", "P", "P", "")).ignored())
                .containsExactly("comment_removed");
        assertThat(parse(MetaWebhooks.pageComment("PAGE1", "USER1", "hide", "C1", "P", "P", "x")))
                .satisfies(n -> assertThat(n.messages()).isEmpty())
                .satisfies(n -> assertThat(n.ignored()).containsExactly("comment_other"));
    }

    @Test
    void otherFeedChangesAreNotComments() throws Exception {
        String like = "{\"object\":\"page\",\"entry\":[{\"id\":\"PAGE1\",\"time\":1,\"changes\":[{\"field\":"
                + "\"feed\",\"value\":{\"item\":\"reaction\",\"verb\":\"add\",\"post_id\":\"P\","
                + "\"from\":{\"id\":\"U\"}}}]}]}";

        assertThat(parse(like).messages()).isEmpty();
        assertThat(parse(like).ignored()).containsExactly("changes");
    }

    @Test
    void aCommentIsKeptAsItsOwnDocumentThatParsesBackToTheSameMessage() throws Exception {
        String webhook = MetaWebhooks.instagramComment("17841", "IGSID", "C9", "Price?", "M1");
        MetaMessage comment = parse(webhook).messages().getFirst();

        String document = parser.messageDocuments(webhook.getBytes(StandardCharsets.UTF_8)).get("C9");

        assertThat(parse(document).messages()).containsExactly(comment);
    }
}
