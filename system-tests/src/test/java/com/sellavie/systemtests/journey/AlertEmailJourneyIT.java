package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.local.LocalMailCatcher;
import com.sellavie.systemtests.stack.Mailbox;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Alerts by email, from outside: members invited through the gateway choose, each for themselves, how
 * "a conversation needs a person" reaches them ({@code /api/notification-preferences}); when a customer
 * asks for a human, the member who chose EMAIL gets a mail over SMTP linking to the console, the member
 * who chose OFF gets none. notification-service knows members by id only: the address comes from
 * identity's internal endpoint at send time.
 */
@ExtendWith(SellavieStackExtension.class)
class AlertEmailJourneyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /**
     * How long the OFF member's mailbox is watched after the EMAIL member's mail arrived: both alerts
     * would be queued in the same transaction, and the sender sends due mail every 2 s.
     */
    private static final Duration SILENCE = Duration.ofSeconds(8);
    private static final String SUBJECT = "needs a person";

    private static SellavieStack stack;
    private static Mailbox mail;
    private static IngestRouting routing;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        mail = sellavie.mail();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
    }

    @Test
    void theMemberWhoChoseEmailIsMailedWhenACustomerAsksForAHumanAndTheMemberWhoChoseOffIsNot() {
        // Given a shop with two invited agents: one wants handoff alerts by email, the other not at all
        Shop shop = Shop.open(stack, routing);
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String quietAgent = "quiet-" + suffix + "@example.com";
        String alertedAgent = "alerted-" + suffix + "@example.com";
        // Invited in this order: identity publishes a business's member events in order, so once the second
        // agent's alert proves notification-service knows them, it knew the first one too.
        String quietToken = invite(shop, quietAgent);
        String alertedToken = invite(shop, alertedAgent);
        choose(shop, quietToken, "OFF");
        choose(shop, alertedToken, "EMAIL");

        // When a customer asks for a human
        String customer = shop.newCustomer();
        shop.deliver(shop.dm(customer, "Can I talk to a human please?"));

        // Then the member who chose EMAIL gets the alert by email, linking to the console's notifications
        LocalMailCatcher.Mail alert = mail.awaitMail(alertedAgent, SUBJECT, TIMEOUT);
        assertThat(alert.subject()).containsIgnoringCase("conversation");
        String link = Mailbox.link(alert, "/notifications");
        assertThat(link).isEqualTo(shop.gateway().baseUrl() + "/notifications");
        assertThat(alert.text()).doesNotContain(alertedToken);

        // And the alert is in the feed of the member who chose EMAIL, not in the one of the member who chose OFF
        assertThat(kinds(shop, alertedToken)).contains("HANDOFF_REQUESTED");
        assertThat(kinds(shop, quietToken)).doesNotContain("HANDOFF_REQUESTED").contains("NEW_MESSAGE");

        // And the member who chose OFF, and the owner (in-app by default), get no email about it
        await("no alert mail for the member who chose OFF nor the owner").during(SILENCE)
                .atMost(SILENCE.plusSeconds(5)).pollInterval(Duration.ofMillis(500))
                .until(() -> subjects(quietAgent) + subjects(shop.email()), s -> !s.contains(SUBJECT));
        assertThat(mail.messagesTo(alertedAgent)).filteredOn(m -> String.valueOf(m.subject()).contains(SUBJECT)).hasSize(1);
    }

    /** Invites an AGENT through the gateway, accepts from the emailed link, and returns their access token. */
    private static String invite(Shop shop, String email) {
        Gateway gateway = shop.gateway();
        gateway.postJson("/api/invitations", Map.of("email", email, "role", "AGENT"), shop.accessToken()).expect(201);
        String link = Mailbox.link(mail.awaitMail(email, "invited you", TIMEOUT), "/invite");
        return gateway.postJson("/api/invitations/accept", Map.of("token", Mailbox.token(link), "password",
                Shop.PASSWORD), null).expect(200).json().path("accessToken").asText();
    }

    /** The member's own choice for HANDOFF_REQUESTED, through the gateway as the console's settings page makes it. */
    private static void choose(Shop shop, String memberToken, String channel) {
        JsonNode saved = shop.gateway().putJson("/api/notification-preferences",
                Map.of("preferences", Map.of("HANDOFF_REQUESTED", channel)), memberToken).expect(200).json();
        assertThat(saved.path("preferences").path("HANDOFF_REQUESTED").asText()).isEqualTo(channel);
        assertThat(shop.gateway().get("/api/notification-preferences", memberToken).expect(200).json()
                .path("preferences").path("HANDOFF_REQUESTED").asText()).isEqualTo(channel);
    }

    private static List<String> kinds(Shop shop, String memberToken) {
        return await("the member's feed").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> shop.gateway().get("/api/notifications?limit=100", memberToken).expect(200).json()
                        .path("items").findValuesAsText("kind"), k -> k.contains("NEW_MESSAGE"));
    }

    private static String subjects(String address) {
        return mail.messagesTo(address).stream().map(m -> String.valueOf(m.subject()).toLowerCase()).toList().toString();
    }
}
