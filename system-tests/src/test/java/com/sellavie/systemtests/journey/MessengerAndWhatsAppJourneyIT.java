package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.MetaGraphApi.SendApiCall;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Journey 1 on the two other Meta channels, from outside: a merchant connects a Facebook Page for
 * Messenger or a WhatsApp number (ownership proven with the Graph API), a customer's signed webhook
 * (PROVIDERS.md §1.4, §1.6) is answered once through that channel's own Send API, and the inbox
 * shows the reply SENT. Meta delivering the same webhook again changes nothing.
 */
@ExtendWith(SellavieStackExtension.class)
class MessengerAndWhatsAppJourneyIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);

    private static MetaGraphApi meta;
    private static SellavieStack stack;
    private static IngestRouting routing;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        meta = sellavie.metaGraphApi();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
    }

    @Test
    void aMessengerDmIsAnsweredOnceFromThePageToThePsid() {
        // Given a merchant who connected a Facebook Page (the Page token proven with Meta)
        Shop shop = Shop.openMessenger(stack, routing);
        String pageId = shop.account().externalId();
        assertThat(shop.channel().path("pageId").asText()).isEqualTo(pageId);
        String psid = shop.newCustomer();
        CustomerMessage dm = shop.message(psid, "Hello! Do you ship linen shirts to Accra?");

        // When Meta delivers the customer's message, and then delivers it again
        shop.deliver(dm);
        shop.deliver(dm);

        // Then one reply goes from the Page's Send API to the PSID, as a RESPONSE
        SendApiCall reply = Replies.awaitFirstReply(meta, shop, psid, REPLY_TIMEOUT);
        assertThat(reply.path()).isEqualTo("/v23.0/" + pageId + "/messages");
        assertThat(reply.json().path("recipient").path("id").asText()).isEqualTo(psid);
        assertThat(reply.json().path("messaging_type").asText()).isEqualTo("RESPONSE");
        assertThat(reply.json().has("tag")).as("no message tag inside the 24 h window").isFalse();

        // And exactly once: the marker's answer comes after it and nothing else was sent
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, psid, 1, REPLY_TIMEOUT);
        assertThat(meta.sendApiCallsTo(psid)).extracting(SendApiCall::path).containsOnly(reply.path());
        assertRecordedOnceAndSent(shop, psid, dm, reply, messages);
    }

    @Test
    void aWhatsAppMessageIsAnsweredOnceFromThePhoneNumberToTheWaId() {
        // Given a merchant who connected a WhatsApp number (the WABA lists it for that token)
        Shop shop = Shop.openWhatsApp(stack, routing);
        Shop.ConnectedAccount number = shop.account();
        assertThat(shop.channel().path("phoneNumberId").asText()).isEqualTo(number.externalId());
        assertThat(shop.channel().path("wabaId").asText()).isEqualTo(number.wabaId());
        assertThat(shop.channel().path("displayPhoneNumber").asText()).isEqualTo(number.displayPhoneNumber());
        String waId = shop.newCustomer();
        CustomerMessage message = shop.message(waId, "Hi, is the sand-coloured linen shirt still in stock?");

        // When the Cloud API delivers the customer's text, and then delivers it again (its retries)
        shop.deliver(message);
        shop.deliver(message);

        // Then one text goes from the business's number to the customer's wa_id
        SendApiCall reply = Replies.awaitFirstReply(meta, shop, waId, REPLY_TIMEOUT);
        JsonNode body = reply.json();
        assertThat(reply.path()).isEqualTo("/v23.0/" + number.externalId() + "/messages");
        assertThat(body.path("messaging_product").asText()).isEqualTo("whatsapp");
        assertThat(body.path("recipient_type").asText()).isEqualTo("individual");
        assertThat(body.path("to").asText()).isEqualTo(waId);
        assertThat(body.path("type").asText()).isEqualTo("text");
        assertThat(body.has("recipient")).as("WhatsApp addresses the customer with \"to\" only").isFalse();

        // And exactly once
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, waId, 1, REPLY_TIMEOUT);
        assertThat(meta.sendApiCallsTo(waId)).extracting(SendApiCall::path).containsOnly(reply.path());
        assertRecordedOnceAndSent(shop, waId, message, reply, messages);
    }

    /** The customer's message recorded once, the reply SENT with the text Meta got, the conversation on its channel. */
    private static void assertRecordedOnceAndSent(Shop shop, String customer, CustomerMessage dm, SendApiCall reply,
            List<JsonNode> messages) {
        assertThat(messages).extracting(Replies::direction).containsExactly("INBOUND", "OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(messages).extracting(Replies::status).containsExactly(null, "SENT", null, "SENT");
        assertThat(messages.get(0).path("text").asText()).isEqualTo(dm.text());
        assertThat(messages.get(1).path("text").asText()).isEqualTo(reply.text());
        assertThat(messages.get(1).path("authorType").asText()).isEqualTo("AI");
        JsonNode conversation = shop.conversationWith(customer);
        assertThat(conversation.path("channel").path("type").asText()).isEqualTo(shop.account().type());
        assertThat(conversation.path("channel").path("id").asText()).isEqualTo(shop.channel().path("id").asText());
        assertThat(conversation.path("mode").asText()).isEqualTo("BOT");
        assertThat(shop.conversations()).as("one conversation, however often the message was delivered").hasSize(1);
    }
}
