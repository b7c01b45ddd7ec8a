package com.sellavie.systemtests.journey;

import static com.sellavie.systemtests.journey.Replies.status;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import com.sellavie.systemtests.stack.ServiceProcess;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 6 point 10: on SIGTERM (a rolling deployment, a scale-down) every service is gone within
 * 10 s, and a reply being sent at that moment is finished and recorded, not left maybe-sent.
 */
@ExtendWith(SellavieStackExtension.class)
class GracefulShutdownIT {

    private static final Duration STOP_BOUND = Duration.ofSeconds(10);
    private static final Duration REPLY_TIMEOUT = Duration.ofSeconds(120);

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

    @AfterEach
    void everyServiceRunsAgain() {
        meta.heal();
        for (String name : List.of("identity", "ingest", "conversation", "ai", "notification", "gateway")) {
            ServiceProcess service = stack.service(name);
            if (!service.isAlive()) {
                service.start();
                service.awaitReady(SellavieStack.READINESS_TIMEOUT);
            }
        }
    }

    @Test
    void conversationServiceStopsWithinTenSecondsAndFinishesTheSendInFlight() {
        // Given a DM whose reply is in flight: Meta takes 3 s to accept it
        Shop shop = Shop.open(stack, routing);
        String customer = shop.newCustomer();
        meta.delaySends(Duration.ofSeconds(3));
        shop.deliver(shop.dm(customer, "Hello, is the linen shirt available in blue?"));
        shop.awaitMessages(customer, "the reply being sent", messages -> messages.size() == 2
                && "ATTEMPTING".equals(status(messages.get(1))), REPLY_TIMEOUT);

        // When conversation-service is told to stop (SIGTERM)
        ServiceProcess conversation = stack.conversation();
        Duration took = conversation.terminate(Duration.ofSeconds(30));

        // Then it is gone within 10 s, having waited for Meta's answer and recorded it
        assertThat(took).as("SIGTERM to exit").isLessThan(STOP_BOUND);
        meta.heal();
        conversation.start();
        conversation.awaitReady(SellavieStack.READINESS_TIMEOUT);
        List<JsonNode> messages = Replies.assertNoLateDuplicate(meta, shop, customer, 1, REPLY_TIMEOUT);
        assertThat(status(messages.get(1))).as("the reply in flight at the stop").isEqualTo("SENT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"identity", "ingest", "ai", "notification", "gateway"})
    void everyOtherServiceStopsWithinTenSeconds(String name) {
        Duration took = stack.service(name).terminate(Duration.ofSeconds(30));

        assertThat(took).as("%s: SIGTERM to exit", name).isLessThan(STOP_BOUND);
    }
}
