package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox Graph API answers the calls conversation-service makes (its {@code OwnershipProof},
 * {@code WhatsAppTemplates} and send engines, conversation-service/README.md) the way Meta does.
 */
class SandboxGraphApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String PAGE_TOKEN = "sandbox-page-token";
    private static final String WHATSAPP_TOKEN = "sandbox-whatsapp-token";
    private static final String INSTAGRAM_TOKEN = "sandbox-abc123";

    @TempDir
    Path folder;

    private SandboxGraphApi api;
    private HttpClient http;
    private Path record;

    @BeforeEach
    void start() throws Exception {
        record = folder.resolve("outbound.jsonl");
        api = SandboxGraphApi.start(freePort(), record);
        http = HttpClient.newHttpClient();
        api.controls(INSTAGRAM_TOKEN, new SandboxGraphApi.InstagramAccount("17841400000000000", "linenandco.demo"));
        api.controls(PAGE_TOKEN, new SandboxGraphApi.FacebookPage("104000000000000", "Linen & Co"));
        api.controls(WHATSAPP_TOKEN, new SandboxGraphApi.WhatsAppNumber("106540000000000", "102290000000000",
                "+1 555-010-0199", "Linen & Co"));
    }

    @AfterEach
    void stop() {
        http.close();
        api.close();
    }

    @Test
    void messageIdsStayUniqueAcrossRestartsOfTheSandbox() throws Exception {
        String body = "{\"recipient\":{\"id\":\"demo-customer-1\"},\"message\":{\"text\":\"Hi\"}}";
        String before = JSON.readTree(post("/me/messages", null, body).body()).path("message_id").asText();
        try (SandboxGraphApi restarted = SandboxGraphApi.start(freePort(), folder.resolve("b.jsonl"))) {
            HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(restarted.graphUrl()
                    + "/me/messages")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(JSON.readTree(answer.body()).path("message_id").asText()).isNotEqualTo(before);
        }
    }

    @Test
    void meAnswersTheInstagramAccountATokenControlsAndRejectsOtherTokensWithError190() throws Exception {
        HttpResponse<String> known = get("/me?fields=id,username", INSTAGRAM_TOKEN);
        HttpResponse<String> unknown = get("/me?fields=id,username", "sandbox-other");
        HttpResponse<String> none = get("/me?fields=id,username", null);

        assertThat(known.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(known.body()).path("id").asText()).isEqualTo("17841400000000000");
        assertThat(JSON.readTree(known.body()).path("username").asText()).isEqualTo("linenandco.demo");
        assertThat(unknown.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(unknown.body()).path("error").path("code").asInt()).isEqualTo(190);
        assertThat(JSON.readTree(none.body()).path("error").path("code").asInt()).isEqualTo(190);
    }

    @Test
    void meWithAPageTokenAnswersThePageAsMessengersProofAsksIt() throws Exception {
        HttpResponse<String> page = get("/me?fields=id,name", PAGE_TOKEN);
        // Graph also takes the token as the access_token parameter.
        HttpResponse<String> asParameter = get("/me?fields=id,name&access_token=" + PAGE_TOKEN, null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(page.body()).path("id").asText()).isEqualTo("104000000000000");
        assertThat(JSON.readTree(page.body()).path("name").asText()).isEqualTo("Linen & Co");
        assertThat(JSON.readTree(asParameter.body()).path("id").asText()).isEqualTo("104000000000000");
    }

    @Test
    void whatsAppNumberAndItsWabaAnswerTheProofAndOtherObjectsAreRefusedWithError100() throws Exception {
        HttpResponse<String> number = get("/106540000000000?fields=id,display_phone_number,verified_name",
                WHATSAPP_TOKEN);
        HttpResponse<String> numbers = get("/102290000000000/phone_numbers?fields=id", WHATSAPP_TOKEN);
        HttpResponse<String> otherNumber = get("/106549999999999?fields=id,display_phone_number,verified_name",
                WHATSAPP_TOKEN);
        HttpResponse<String> otherWaba = get("/102299999999999/phone_numbers?fields=id", WHATSAPP_TOKEN);
        HttpResponse<String> pageTokenOnTheNumber = get("/106540000000000?fields=id", PAGE_TOKEN);
        HttpResponse<String> unknownToken = get("/106540000000000?fields=id", "sandbox-other");

        assertThat(number.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(number.body());
        assertThat(answer.path("id").asText()).isEqualTo("106540000000000");
        assertThat(answer.path("display_phone_number").asText()).isEqualTo("+1 555-010-0199");
        assertThat(answer.path("verified_name").asText()).isEqualTo("Linen & Co");
        assertThat(numbers.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(numbers.body()).path("data").findValuesAsText("id")).containsExactly("106540000000000");
        for (HttpResponse<String> refused : List.of(otherNumber, otherWaba, pageTokenOnTheNumber)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("error").path("code").asInt()).isEqualTo(100);
        }
        assertThat(JSON.readTree(unknownToken.body()).path("error").path("code").asInt()).isEqualTo(190);
    }

    @Test
    void theWabaListsApprovedSampleTemplatesWithTheirBody() throws Exception {
        HttpResponse<String> templates = get("/102290000000000/message_templates?status=APPROVED"
                + "&fields=name,language,category,status,components&limit=200", WHATSAPP_TOKEN);
        HttpResponse<String> unknownToken = get("/102290000000000/message_templates?status=APPROVED", "sandbox-x");

        assertThat(templates.statusCode()).isEqualTo(200);
        JsonNode data = JSON.readTree(templates.body()).path("data");
        assertThat(data.size()).isBetween(1, 2);
        for (JsonNode template : data) {
            assertThat(template.path("status").asText()).isEqualTo("APPROVED");
            assertThat(template.path("name").asText()).isNotBlank();
            assertThat(template.path("language").asText()).isNotBlank();
            assertThat(template.path("components").path(0).path("type").asText()).isEqualTo("BODY");
            assertThat(template.path("components").path(0).path("text").asText()).contains("{{1}}");
        }
        assertThat(JSON.readTree(unknownToken.body()).path("error").path("code").asInt()).isEqualTo(190);
    }

    @Test
    void aPrivateReplyToACommentIsAcceptedOnceAndRecordedWithTheComment() throws Exception {
        String body = "{\"recipient\":{\"comment_id\":\"17858893269000001\"},\"message\":{\"text\":\"45 EUR\"}}";

        HttpResponse<String> first = post("/104000000000000/messages", PAGE_TOKEN, body);
        HttpResponse<String> again = post("/104000000000000/messages", PAGE_TOKEN, body);

        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(first.body()).path("message_id").asText()).startsWith("m_sandbox_");
        assertThat(again.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(again.body()).path("error").path("code").asInt()).isEqualTo(10900);
        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(1);
        JsonNode line = JSON.readTree(lines.getFirst());
        assertThat(line.path("commentId").asText()).isEqualTo("17858893269000001");
        assertThat(line.path("text").asText()).isEqualTo("45 EUR");
    }

    @Test
    void instagramAndMessengerSendsAreAnsweredLikeMetaAndRecordedWithTheirChannelWithoutTheToken()
            throws Exception {
        HttpResponse<String> instagram = post("/me/messages?access_token=EAAB-secret", null,
                "{\"recipient\":{\"id\":\"demo-customer-1\"},\"message\":{\"text\":\"Yes, in M and L.\"}}");
        // MessengerSendApi's body: POST /{page-id}/messages with messaging_type.
        HttpResponse<String> messenger = post("/104000000000000/messages", PAGE_TOKEN,
                "{\"recipient\":{\"id\":\"7100000000000001\"},\"messaging_type\":\"RESPONSE\","
                        + "\"message\":{\"text\":\"We ship across the EU.\"}}");

        assertThat(instagram.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(instagram.body());
        assertThat(answer.path("recipient_id").asText()).isEqualTo("demo-customer-1");
        String firstId = answer.path("message_id").asText();
        assertThat(firstId).startsWith("m_sandbox_");
        assertThat(messenger.statusCode()).isEqualTo(200);
        JsonNode messengerAnswer = JSON.readTree(messenger.body());
        assertThat(messengerAnswer.path("recipient_id").asText()).isEqualTo("7100000000000001");
        assertThat(messengerAnswer.path("message_id").asText()).startsWith("m_sandbox_").isNotEqualTo(firstId);

        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("channel").asText()).isEqualTo("INSTAGRAM");
        assertThat(first.path("recipient").asText()).isEqualTo("demo-customer-1");
        assertThat(first.path("text").asText()).isEqualTo("Yes, in M and L.");
        assertThat(first.path("message").path("text").asText()).isEqualTo("Yes, in M and L.");
        assertThat(first.path("path").asText()).isEqualTo("/v23.0/me/messages");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.path("channel").asText()).isEqualTo("MESSENGER");
        assertThat(second.path("path").asText()).isEqualTo("/v23.0/104000000000000/messages");
        assertThat(second.path("recipient").asText()).isEqualTo("7100000000000001");
        assertThat(second.path("text").asText()).isEqualTo("We ship across the EU.");
        assertThat(second.path("messagingType").asText()).isEqualTo("RESPONSE");
        assertThat(Files.readString(record)).doesNotContain("EAAB-secret", PAGE_TOKEN);
    }

    @Test
    void aWhatsAppSendIsAnsweredInTheCloudApiShapeAndRecorded() throws Exception {
        // WhatsAppSendApi's body for a text.
        HttpResponse<String> text = post("/106540000000000/messages", WHATSAPP_TOKEN, """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"15550100123",
                 "type":"text","text":{"preview_url":false,"body":"Yes, the linen shirt is in stock."}}""");
        HttpResponse<String> template = post("/106540000000000/messages", WHATSAPP_TOKEN, """
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"15550100123","type":"template",
                 "template":{"name":"order_update","language":{"code":"en_US"},
                  "components":[{"type":"body","parameters":[{"type":"text","text":"Ada"}]}]}}""");

        assertThat(text.statusCode()).isEqualTo(200);
        JsonNode answer = JSON.readTree(text.body());
        assertThat(answer.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(answer.path("contacts").path(0).path("input").asText()).isEqualTo("15550100123");
        assertThat(answer.path("contacts").path(0).path("wa_id").asText()).isEqualTo("15550100123");
        String wamid = answer.path("messages").path(0).path("id").asText();
        assertThat(wamid).startsWith("wamid.");
        assertThat(JSON.readTree(template.body()).path("messages").path(0).path("id").asText()).startsWith("wamid.")
                .isNotEqualTo(wamid);

        List<String> lines = Files.readAllLines(record);
        assertThat(lines).hasSize(2);
        JsonNode first = JSON.readTree(lines.get(0));
        assertThat(first.path("channel").asText()).isEqualTo("WHATSAPP");
        assertThat(first.path("path").asText()).isEqualTo("/v23.0/106540000000000/messages");
        assertThat(first.path("recipient").asText()).isEqualTo("15550100123");
        assertThat(first.path("messageId").asText()).isEqualTo(wamid);
        assertThat(first.path("text").asText()).isEqualTo("Yes, the linen shirt is in stock.");
        JsonNode second = JSON.readTree(lines.get(1));
        assertThat(second.path("message").path("type").asText()).isEqualTo("template");
        assertThat(second.path("message").path("template").path("name").asText()).isEqualTo("order_update");
        assertThat(Files.readString(record)).doesNotContain(WHATSAPP_TOKEN);
    }

    @Test
    void sendsMetaWouldRefuseAreRefusedLikeMetaAndNotRecorded() throws Exception {
        HttpResponse<String> noRecipient = post("/me/messages", INSTAGRAM_TOKEN, "{\"message\":{}}");
        HttpResponse<String> unknownNode = post("/109999999999999/messages", PAGE_TOKEN,
                "{\"recipient\":{\"id\":\"c-2\"},\"message\":{\"text\":\"Hi\"}}");
        HttpResponse<String> whatsAppWithoutTo = post("/106540000000000/messages", WHATSAPP_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}");
        HttpResponse<String> whatsAppWithoutProduct = post("/106540000000000/messages", WHATSAPP_TOKEN,
                "{\"to\":\"15550100123\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}");

        for (HttpResponse<String> refused : List.of(noRecipient, unknownNode, whatsAppWithoutTo,
                whatsAppWithoutProduct)) {
            assertThat(refused.statusCode()).isEqualTo(400);
            assertThat(JSON.readTree(refused.body()).path("error").path("code").asInt()).isEqualTo(100);
        }
        assertThat(record).doesNotExist();
    }

    private HttpResponse<String> get(String pathAndQuery, String token) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.graphUrl() + pathAndQuery)).GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void theSendListenerHearsOfEachAcceptedSendWithItsChannelAndRecipientAndOfNoRefusedOne() throws Exception {
        List<String> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        api.onSend((channelType, recipient, atNanos, atMillis) -> heard.add(channelType + " " + recipient));

        post("/me/messages", INSTAGRAM_TOKEN, "{\"recipient\":{\"id\":\"c-1\"},\"message\":{\"text\":\"Hi\"}}");
        post("/104000000000000/messages", PAGE_TOKEN,
                "{\"recipient\":{\"id\":\"c-2\"},\"message\":{\"text\":\"Hi\"}}");
        post("/106540000000000/messages", WHATSAPP_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"to\":\"15550100123\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}");
        post("/106540000000000/messages", WHATSAPP_TOKEN,
                "{\"messaging_product\":\"whatsapp\",\"type\":\"text\",\"text\":{\"body\":\"Hi\"}}");

        assertThat(heard).containsExactly("INSTAGRAM c-1", "MESSENGER c-2", "WHATSAPP 15550100123");
    }

    private HttpResponse<String> post(String path, String token, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(api.graphUrl() + path))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
