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
import com.sellavie.systemtests.stack.ServiceProcess;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * ARCHITECTURE.md "Sending, exactly once where possible", proven by crashing conversation-service
 * mid-flow: it is started with {@code SELLAVIE_FAULT_INJECTION_HALT_AT} and halts the JVM
 * ({@code Runtime.halt}, as abrupt as SIGKILL: no shutdown hook, no offset commit) at a named
 * point, then is started again normally. Nothing may be lost, nothing sent twice; an UNKNOWN send
 * is acceptable only when the crash fell between Meta's answer and its record, and must be shown.
 */
@ExtendWith(SellavieStackExtension.class)
class ConversationCrashIT {

    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration HALT_TIMEOUT = Duration.ofSeconds(120);
    /** 128 + SIGKILL: conversation-service's FaultInjection kills its own JVM with kill -KILL. */
    private static final int KILLED = 137;

    private static SellavieStack stack;
    private static MetaGraphApi meta;
    private static IngestRouting routing;
    private static ServiceProcess conversation;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        meta = sellavie.metaGraphApi();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
        conversation = sellavie.conversation();
    }

    @AfterAll
    static void disconnect() {
        routing.close();
    }

    /** Whatever happened, the next test (and class) finds conversation-service running normally. */
    @AfterEach
    void conversationRunsNormally() {
        if (!conversation.isAlive()) {
            conversation.start();
            conversation.awaitReady(SellavieStack.READINESS_TIMEOUT);
        }
    }

    @Test
    void aCrashRightAfterTheInboundMessageWasRecordedLosesNothingAndSendsTheReplyOnce() {
        // Given a shop, and conversation-service set to die right after it records an inbound message
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        restartConversationHaltingAt("after-inbound-recorded");

        // When a DM arrives, the service dies at that point
        InstagramDm dm = shop.dm(customer, "Good morning, do you have the linen shirt in size M?");
        shop.deliver(dm);
        assertThat(conversation.awaitExit(HALT_TIMEOUT)).as("exit code of the halted JVM").isEqualTo(KILLED);
        assertThat(meta.sendApiCallsTo(customer)).as("nothing sent before the crash").isEmpty();

        // And it is started again, normally
        conversation.start();
        conversation.awaitReady(SellavieStack.READINESS_TIMEOUT);

        // Then the reply is sent once, and the DM is recorded once
        SendApiCall reply = Replies.awaitFirstReply(meta, shop, customer, REPLY_TIMEOUT);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);
        assertThat(messages).extracting(Replies::direction)
                .containsExactly("INBOUND", "OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(text(messages.get(0))).isEqualTo(dm.text());
        assertThat(text(messages.get(1))).isEqualTo(reply.text());
        assertThat(status(messages.get(1))).isEqualTo("SENT");
    }

    @Test
    void aCrashAfterTheSendApiAnsweredNeverSendsAgainAndShowsTheReplyAsUnknown() {
        // Given a shop, and conversation-service set to die right after Meta accepted a reply
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        restartConversationHaltingAt("after-send-api-answered");

        // When a DM arrives, the reply reaches Meta and the service dies before recording it
        InstagramDm dm = shop.dm(customer, "Hello, how long does delivery to Abuja take?");
        shop.deliver(dm);
        assertThat(conversation.awaitExit(HALT_TIMEOUT)).as("exit code of the halted JVM").isEqualTo(KILLED);
        List<SendApiCall> beforeRestart = meta.sendApiCallsTo(customer);
        assertThat(beforeRestart).as("Send API calls before the crash").hasSize(1);
        Replies.assertIsCustomerFacingReply(beforeRestart.getFirst(), shop, customer);

        // And it is started again, normally
        conversation.start();
        conversation.awaitReady(SellavieStack.READINESS_TIMEOUT);

        // Then the reply is not sent again, and the inbox shows it with an UNKNOWN delivery
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);
        assertThat(messages).extracting(Replies::direction)
                .containsExactly("INBOUND", "OUTBOUND", "INBOUND", "OUTBOUND");
        assertThat(text(messages.get(0))).isEqualTo(dm.text());
        assertThat(direction(messages.get(1))).isEqualTo("OUTBOUND");
        assertThat(text(messages.get(1))).isEqualTo(beforeRestart.getFirst().text());
        assertThat(status(messages.get(1))).as("delivery of the reply whose outcome was lost").isEqualTo("UNKNOWN");
        assertThat(status(messages.get(3))).isEqualTo("SENT");
    }

    /**
     * Stops the running instance gracefully first (its consumed offsets committed: a redelivered
     * old record would otherwise hit the halt point before the test's DM does).
     */
    private static void restartConversationHaltingAt(String point) {
        conversation.stop(Duration.ofSeconds(30));
        conversation.start(Map.of("SELLAVIE_FAULT_INJECTION_HALT_AT", point));
        conversation.awaitReady(SellavieStack.READINESS_TIMEOUT);
    }
}
