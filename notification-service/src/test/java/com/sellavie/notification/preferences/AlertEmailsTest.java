package com.sellavie.notification.preferences;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.notification.ChannelEvents;
import com.sellavie.notification.CommerceEvents;
import com.sellavie.notification.MemberEvents;
import com.sellavie.notification.TestIdentity;
import com.sellavie.notification.TestMail;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.TestTokens;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Alerts emailed to the members who asked for them: members from real identity.members records, alerts
 * from real commerce and channel records, preferences set over HTTP, mail read from GreenMail, the
 * member's address from identity's internal endpoint (a stand-in, {@link TestIdentity}).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class AlertEmailsTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void anOrderPaidIsEmailedToTheMemberWhoChoseEmailAndToNobodyElse() throws Exception {
        // Given a business with an owner who wants payments by email, and an agent on the defaults
        UUID business = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID agent = UUID.randomUUID();
        String ownerAddress = "owner-" + UUID.randomUUID() + "@example.com";
        String agentAddress = "agent-" + UUID.randomUUID() + "@example.com";
        TestIdentity.knows(business, owner, ownerAddress);
        TestIdentity.knows(business, agent, agentAddress);
        MemberEvents.publish(MemberEvents.joined(business, owner, "OWNER"));
        MemberEvents.publish(MemberEvents.joined(business, agent, "AGENT"));
        await().atMost(PATIENCE).until(() -> members(business) == 2);
        choose(business, owner, "OWNER", "{\"preferences\":{\"ORDER_PAID\":\"EMAIL\"}}");

        // When an order is paid (delivered twice)
        UUID order = UUID.randomUUID();
        var paid = CommerceEvents.orderPaid(business, order, 5_000_000, "NGN");
        CommerceEvents.publish(paid, order.toString());
        CommerceEvents.publish(paid, order.toString());

        // Then the owner gets one email with the alert and a link to the console; the agent none
        await().atMost(PATIENCE).until(() -> TestMail.server().getReceivedMessagesForDomain(ownerAddress).length == 1);
        MimeMessage mail = TestMail.server().getReceivedMessagesForDomain(ownerAddress)[0];
        assertThat(mail.getSubject()).isEqualTo("Order paid: NGN 50,000.00");
        assertThat(body(mail)).contains("Paid through Paystack").contains("http://localhost:8080/notifications");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_emails WHERE recipient_user_id = ?",
                Integer.class, agent)).isZero();
        assertThat(TestMail.server().getReceivedMessagesForDomain(agentAddress)).isEmpty();
    }

    @Test
    void aChannelToReconnectIsEmailedByDefaultUnlessTheMemberTurnedItOffOrLeft() throws Exception {
        UUID business = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        UUID quiet = UUID.randomUUID();
        UUID gone = UUID.randomUUID();
        String adminAddress = "admin-" + UUID.randomUUID() + "@example.com";
        TestIdentity.knows(business, admin, adminAddress);
        MemberEvents.publish(MemberEvents.joined(business, admin, "ADMIN"));
        MemberEvents.publish(MemberEvents.joined(business, quiet, "AGENT"));
        MemberEvents.publish(MemberEvents.joined(business, gone, "AGENT"));
        var left = MemberEvents.left(business, gone, "AGENT");
        MemberEvents.publish(left);
        // (the leave comes last on the business's partition: once it is applied, so is everything before it)
        await().atMost(PATIENCE).until(() -> jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?",
                Integer.class, left.getEventId()) == 1);
        assertThat(members(business)).isEqualTo(2);
        choose(business, quiet, "AGENT", "{\"preferences\":{\"CHANNEL_NEEDS_RECONNECT\":\"OFF\"}}");

        UUID channel = UUID.randomUUID();
        ChannelEvents.publish(ChannelEvents.needsReconnect(business, channel, "INSTAGRAM", "ankara.studio"), channel,
                business.toString());

        await().atMost(PATIENCE).until(() -> TestMail.server().getReceivedMessagesForDomain(adminAddress).length == 1);
        assertThat(TestMail.server().getReceivedMessagesForDomain(adminAddress)[0].getSubject())
                .isEqualTo("Instagram @ankara.studio needs reconnecting");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_emails WHERE business_id = ?", Integer.class,
                business)).isEqualTo(1);
        // and the member who turned it off does not see it in their feed either, while the admin does
        assertThat(feed(business, quiet, "AGENT")).doesNotContain("CHANNEL_NEEDS_RECONNECT");
        assertThat(feed(business, admin, "ADMIN")).contains("CHANNEL_NEEDS_RECONNECT");
    }

    private String feed(UUID business, UUID member, String role) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notifications"))
                .header("Authorization", "Bearer " + TestTokens.accessToken(business, member, role)).GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return response.body();
    }

    private int members(UUID business) {
        // members is tenant-owned: read as that business, as the service does
        return TenantContext.callAs(business,
                () -> jdbc.queryForObject("SELECT count(*) FROM members WHERE business_id = ?", Integer.class, business));
    }

    private void choose(UUID business, UUID member, String role, String json) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notification-preferences"))
                .header("Authorization", "Bearer " + TestTokens.accessToken(business, member, role))
                .header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(json)).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
    }

    private static String body(MimeMessage mail) throws Exception {
        return com.icegreen.greenmail.util.GreenMailUtil.getBody(mail);
    }
}
