package com.sellavie.systemtests.journey;

import static com.sellavie.systemtests.journey.Replies.direction;
import static com.sellavie.systemtests.journey.Replies.status;
import static com.sellavie.systemtests.journey.Replies.text;
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
 * Journey 1 of ARCHITECTURE.md, from outside: a merchant signs up and connects Instagram, a
 * customer's signed DM goes gateway → ingest → conversation → ai → conversation → Meta's Send API,
 * and the inbox shows both messages; one trace, exported over OTLP by every service, spans that path.
 */
@ExtendWith(SellavieStackExtension.class)
class DmReplyJourneyIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(90);

    private static SellavieStack stack;
    private static MetaGraphApi meta;
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
    void aSignedInstagramDmIsAnsweredExactlyOnceAndTheInboxShowsBothMessages() {
        // Given a merchant who signed up and connected an Instagram account
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        InstagramDm dm = shop.dm(customer, "Hello! Do you ship linen shirts to Lagos?");

        // When the customer's DM arrives, signed by Meta
        shop.deliver(dm);

        // Then one reply reaches the Send API, addressed to the customer, with no action tags
        SendApiCall reply = Replies.awaitFirstReply(meta, shop, customer, REPLY_TIMEOUT);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);

        // And the inbox lists the conversation, with the DM and the reply as sent
        JsonNode conversation = shop.conversationWith(customer);
        assertThat(conversation).as("conversation with %s in GET /api/conversations", customer).isNotNull();
        assertThat(conversation.path("channel").path("id").asText()).isEqualTo(shop.channel().path("id").asText());
        assertThat(conversation.path("mode").asText()).isEqualTo("BOT");
        assertThat(messages).hasSize(4);
        assertThat(direction(messages.get(0))).isEqualTo("INBOUND");
        assertThat(text(messages.get(0))).isEqualTo(dm.text());
        assertThat(status(messages.get(0))).as("an inbound message has no delivery status").isNull();
        assertThat(direction(messages.get(1))).isEqualTo("OUTBOUND");
        assertThat(text(messages.get(1))).isEqualTo(reply.text());
        assertThat(status(messages.get(1))).isEqualTo("SENT");

        // And one trace follows the DM from the gateway to the Send API call, every span's parent in it
        JourneyTrace trace = JourneyTrace.of(reply, stack.traces());
        assertThat(trace.sendApiCall().service()).isEqualTo("conversation-service");
        assertThat(trace.sendApiCall().kind()).isEqualTo("SPAN_KIND_CLIENT");
        assertThat(trace.ancestry().getLast().service()).as("the trace's root").isEqualTo("gateway");
        assertThat(trace.ancestry().getLast().kind()).isEqualTo("SPAN_KIND_SERVER");
        assertThat(trace.servicesFromRoot()).as("services from the root span down to the Send API call")
                .containsExactly("gateway", "webhook-ingest-service", "conversation-service", "ai-service",
                        "conversation-service");

        // And the merchant was notified of the DM
        assertThat(shop.awaitNotifications(2)).filteredOn(n -> n.path("reference").asText().endsWith("/" + dm.mid()))
                .singleElement()
                .satisfies(n -> assertThat(n.path("body").asText()).isEqualTo(dm.text()));

        // And another business sees none of it
        String otherToken = Shop.anotherBusinessToken(stack);
        assertThat(shop.gateway().get("/api/conversations", otherToken).expect(200).json()).isEmpty();
        shop.gateway().get("/api/conversations/" + conversation.path("id").asText() + "/messages", otherToken)
                .expect(404);
    }

    @Test
    void theSameWebhookDeliveredThreeTimesIsAnsweredOnce() {
        // Given a shop and a customer's DM
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        InstagramDm dm = shop.dm(customer, "Hi, is the sand-coloured linen shirt still in stock?");

        // When Meta delivers the very same signed webhook three times (its retries)
        shop.deliver(dm);
        shop.deliver(dm);
        shop.deliver(dm);

        // Then the customer gets one reply, and the conversation holds the DM once
        Replies.awaitFirstReply(meta, shop, customer, REPLY_TIMEOUT);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);
        assertThat(messages).extracting(Replies::text).filteredOn(dm.text()::equals).hasSize(1);
        assertThat(messages).extracting(Replies::direction)
                .containsExactly("INBOUND", "OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(messages).extracting(Replies::status).containsExactly(null, "SENT", null, "SENT");
        assertThat(shop.awaitNotifications(2)).as("one notification for the DM, however often it was delivered")
                .filteredOn(n -> n.path("reference").asText().endsWith("/" + dm.mid())).hasSize(1);
    }
}
