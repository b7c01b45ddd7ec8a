package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.MetaGraphApi.SendApiCall;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/** What the journeys assert about replies: what reached Meta's Send API, and how often. */
final class Replies {

    /** A message that needs no person and buys nothing: the offline assistant answers it plainly. */
    static final String MARKER_TEXT = "Thanks! One more question: are you open on Sundays?";

    private Replies() {
    }

    /** Waits for the first Send API call to this customer and checks it is a proper reply. */
    static SendApiCall awaitFirstReply(MetaGraphApi meta, Shop shop, String customer, Duration timeout) {
        List<SendApiCall> calls = await("a reply to " + customer + " at the Send API").atMost(timeout)
                .pollInterval(Duration.ofMillis(250))
                .until(() -> meta.sendApiCallsTo(customer), c -> !c.isEmpty());
        SendApiCall reply = calls.getFirst();
        assertIsCustomerFacingReply(reply, shop, customer);
        return reply;
    }

    static void assertIsCustomerFacingReply(SendApiCall reply, Shop shop, String customer) {
        assertThat(reply.recipientId()).isEqualTo(customer);
        assertThat(reply.text()).as("reply text").isNotBlank().doesNotContain("[[").doesNotContain("]]");
        assertThat(reply.authorization()).as("the channel's own token authorises the call")
                .isEqualTo("Bearer " + shop.channelToken());
    }

    /**
     * Proves no late duplicate is on its way: the same customer writes once more, and the DMs of one
     * conversation go through every hop in order (same Kafka keys), so once the answer to this
     * marker is recorded SENT, any second send of an earlier reply would already have reached Meta.
     * Then exactly {@code repliesBefore} + 1 calls went to this customer.
     *
     * @return the conversation's messages, the marker and its reply last
     */
    static List<JsonNode> assertNoLateDuplicate(MetaGraphApi meta, Shop shop, String customer, int repliesBefore,
            Duration timeout) {
        if ("WHATSAPP".equals(shop.account().type())) {
            awaitLaterSecondThanTheReplies(shop, customer, timeout);
        }
        shop.deliver(shop.message(customer, MARKER_TEXT));
        List<JsonNode> messages = shop.awaitMessages(customer, "the marker DM answered and recorded SENT",
                Replies::markerAnswered, timeout);
        List<SendApiCall> calls = meta.sendApiCallsTo(customer);
        assertThat(calls).as("Send API calls to %s (the last one answers the marker DM)", customer)
                .hasSize(repliesBefore + 1);
        assertIsCustomerFacingReply(calls.getLast(), shop, customer);
        assertThat(messages.getLast().path("text").asText()).isEqualTo(calls.getLast().text());
        return messages;
    }

    /**
     * WhatsApp stamps a customer's message in whole seconds (PROVIDERS.md §1.6), and the thread is
     * ordered by time: a marker written in the same second as the reply before it would sort before
     * that reply, and the reply would pass for the marker's answer. A customer cannot answer that fast;
     * so, as a customer would, the marker is written in a later second than the replies recorded.
     */
    private static void awaitLaterSecondThanTheReplies(Shop shop, String customer, Duration timeout) {
        List<JsonNode> messages = shop.awaitMessages(customer, "the replies so far recorded SENT",
                m -> !m.isEmpty() && "OUTBOUND".equals(direction(m.getLast())) && "SENT".equals(status(m.getLast())),
                timeout);
        Instant latest = messages.stream().map(m -> Instant.parse(m.path("sentAt").asText()))
                .max(Instant::compareTo).orElseThrow();
        Instant nextSecond = latest.truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).plusMillis(100);
        await("a second later than the last reply").atMost(Duration.ofSeconds(3)).pollInterval(Duration.ofMillis(50))
                .until(() -> Instant.now().isAfter(nextSecond));
    }

    private static boolean markerAnswered(List<JsonNode> messages) {
        if (messages.size() < 2) {
            return false;
        }
        JsonNode question = messages.get(messages.size() - 2);
        JsonNode answer = messages.getLast();
        return "INBOUND".equals(question.path("direction").asText())
                && MARKER_TEXT.equals(question.path("text").asText())
                && "OUTBOUND".equals(answer.path("direction").asText())
                && "SENT".equals(answer.path("deliveryStatus").asText());
    }

    static String direction(JsonNode message) {
        return message.path("direction").asText();
    }

    /** The outbound message's delivery status; null for a customer's message (it has none). */
    static String status(JsonNode message) {
        JsonNode status = message.path("deliveryStatus");
        return status.isNull() || status.isMissingNode() ? null : status.asText();
    }

    static String text(JsonNode message) {
        return message.path("text").asText();
    }
}
