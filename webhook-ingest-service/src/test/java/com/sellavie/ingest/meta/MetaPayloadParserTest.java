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
        assertThat(parse(MetaWebhooks.instagramRead("17841", "IGSID", "m")).ignored()).containsExactly("read");
        assertThat(parse(MetaWebhooks.instagramRead("17841", "IGSID", "m")).messages()).isEmpty();
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

    private MetaNotification parse(String json) throws MalformedPayloadException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }
}
