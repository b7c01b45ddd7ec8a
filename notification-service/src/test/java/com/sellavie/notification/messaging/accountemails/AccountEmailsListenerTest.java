package com.sellavie.notification.messaging.accountemails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.notification.AccountEmails;
import com.sellavie.notification.RelayedEvents;
import com.sellavie.notification.TestMail;
import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.schemas.Topics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * identity.account-emails records on the real broker and registry, the mails read from a real SMTP
 * server (GreenMail, {@link TestMail}); the server cut through a proxy to play an outage.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class AccountEmailsListenerTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;

    @AfterEach
    void smtpBackUp() {
        TestMail.smtp().restore();
    }

    @Test
    void aVerificationEmailArrivesOnceInFrenchWithATextAndAnHtmlPartAndTheDecryptedLink() throws Exception {
        // Given a French-speaking user's verification request, delivered twice and republished under a new eventId
        String recipient = mailbox("ada");
        String link = "http://localhost:8080/verify-email?token=tok_" + UUID.randomUUID();
        AccountEmailRequested event = AccountEmails.requested("EMAIL_VERIFICATION", recipient, "fr-FR", link).build();
        AccountEmails.publish(event);
        AccountEmails.publish(event);
        AccountEmails.publish(AccountEmails.republished(event));
        // (a later request, sent once everything before it was handled)
        AccountEmailRequested marker = AccountEmails.requested("PASSWORD_RESET", mailbox("marker"), null,
                "http://localhost:8080/reset-password?token=x").build();
        AccountEmails.publish(marker);
        // (keys differ, so the two may be handled in either order: wait for both)
        await().atMost(PATIENCE).until(() -> "SENT".equals(status(marker.getEmailId()))
                && "SENT".equals(status(event.getEmailId())));

        // Then one mail, in French, with both parts carrying the link in clear
        MimeMessage[] received = TestMail.server().getReceivedMessagesForDomain(recipient);
        assertThat(received).hasSize(1);
        assertThat(received[0].getSubject()).isEqualTo("Confirmez votre adresse e-mail pour Sellavie");
        Map<String, String> parts = parts(received[0]);
        assertThat(parts.keySet()).containsExactlyInAnyOrder("text/plain", "text/html");
        assertThat(parts.get("text/plain")).contains("Merci de confirmer").contains(link).doesNotContain("<");
        assertThat(parts.get("text/html")).contains("Confirmer mon adresse e-mail").contains("href=\"" + link + "\"");
        assertThat(status(event.getEmailId())).isEqualTo("SENT");
        // and the table never held the link in clear
        assertThat(jdbc.queryForObject("SELECT count(*) FROM outgoing_emails WHERE link_ciphertext LIKE '%token%'"
                + " OR variables::text LIKE '%token%'", Integer.class)).isZero();
    }

    @Test
    void anInvitationInALanguageWithoutTemplatesIsSentInEnglishNamingTheBusinessAndTheInviter() throws Exception {
        String recipient = mailbox("bola");
        String link = "http://localhost:8080/invite?token=inv_" + UUID.randomUUID();
        AccountEmailRequested event = AccountEmails.requested("INVITATION", recipient, "de-DE", link)
                .setBusinessName("Ankara <Studio>").setInviterName("Chi").setRole("ADMIN").build();

        AccountEmails.publish(event);

        await().atMost(PATIENCE).until(() -> "SENT".equals(status(event.getEmailId())));
        MimeMessage mail = TestMail.server().getReceivedMessagesForDomain(recipient)[0];
        assertThat(mail.getSubject()).isEqualTo("Chi invited you to Ankara <Studio> on Sellavie");
        Map<String, String> parts = parts(mail);
        assertThat(parts.get("text/plain")).contains("join Ankara <Studio> on Sellavie as ADMIN").contains(link);
        // the business's name is text in the HTML, never markup
        assertThat(parts.get("text/html")).contains("Ankara &lt;Studio&gt;").contains("href=\"" + link + "\"");
    }

    @Test
    void whileTheSmtpServerIsDownTheEmailWaitsAndIsRetriedThenSentOnceItIsBack() throws Exception {
        // Given the SMTP server is unreachable
        TestMail.smtp().cut();
        String recipient = mailbox("chi");
        AccountEmailRequested event = AccountEmails.requested("PASSWORD_RESET", recipient, "en",
                "http://localhost:8080/reset-password?token=r_" + UUID.randomUUID()).build();
        double retriedBefore = count("sellavie.email.retried", "PASSWORD_RESET");

        AccountEmails.publish(event);

        // Then it is queued and retried with a recorded cause, not lost and not failed
        await().atMost(PATIENCE).until(() -> attempts(event.getEmailId()) >= 2);
        assertThat(status(event.getEmailId())).isEqualTo("PENDING");
        assertThat(jdbc.queryForObject("SELECT last_error FROM outgoing_emails WHERE email_id = ?", String.class,
                event.getEmailId())).isNotBlank();
        assertThat(TestMail.server().getReceivedMessagesForDomain(recipient)).isEmpty();
        assertThat(count("sellavie.email.retried", "PASSWORD_RESET")).isGreaterThan(retriedBefore);

        // When the server is back, the next attempt sends it, once
        TestMail.smtp().restore();
        await().atMost(PATIENCE).until(() -> "SENT".equals(status(event.getEmailId())));
        assertThat(TestMail.server().getReceivedMessagesForDomain(recipient)).hasSize(1);
    }

    @Test
    void anEmailStillUndeliverableAfterItsLastAttemptIsFailedAndCounted() {
        TestMail.smtp().cut();
        AccountEmailRequested event = AccountEmails.requested("EMAIL_VERIFICATION", mailbox("dayo"), "en",
                "http://localhost:8080/verify-email?token=v").build();
        double failedBefore = count("sellavie.email.failed", "EMAIL_VERIFICATION");

        AccountEmails.publish(event);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(event.getEmailId())));
        assertThat(attempts(event.getEmailId())).isEqualTo(TestMail.MAX_ATTEMPTS);
        assertThat(count("sellavie.email.failed", "EMAIL_VERIFICATION")).isEqualTo(failedBefore + 1);
    }

    @Test
    void aRecipientThatIsNotAnAddressOrALinkOfAnotherEmailFailsAtOnceWithoutRetry() {
        AccountEmailRequested badAddress = AccountEmails.requested("PASSWORD_RESET", "not an address@@", "en",
                "http://localhost:8080/reset-password?token=b").build();
        AccountEmailRequested other = AccountEmails.requested("PASSWORD_RESET", mailbox("eze"), "en", "x").build();
        // a ciphertext made for another emailId: the associated data does not match
        AccountEmailRequested movedLink = AccountEmailRequested.newBuilder(other)
                .setActionLinkCiphertext(TestMail.encryptLink("http://localhost:8080/reset-password?token=m",
                        UUID.randomUUID())).build();

        AccountEmails.publish(badAddress);
        AccountEmails.publish(movedLink);

        await().atMost(PATIENCE).until(() -> "FAILED".equals(status(badAddress.getEmailId()))
                && "FAILED".equals(status(movedLink.getEmailId())));
        assertThat(attempts(badAddress.getEmailId())).isEqualTo(1);
        assertThat(attempts(movedLink.getEmailId())).isEqualTo(1);
        assertThat(TestMail.server().getReceivedMessagesForDomain(movedLink.getRecipient())).isEmpty();
    }

    @Test
    void aKindWithoutTemplatesQueuesNothingAndLeavesNoInboxEntry() {
        AccountEmailRequested unknown = AccountEmails.requested("LOGIN_ALERT", mailbox("femi"), "en", null).build();
        AccountEmailRequested marker = AccountEmails.requested("ACCOUNT_EXISTS", mailbox("marker"), "en", null).build();

        // Under the marker's key: one partition, so the marker is handled after the unknown kind
        RelayedEvents.publish(Topics.IDENTITY_ACCOUNT_EMAILS.name(), marker.getEmailId().toString(), unknown,
                unknown.getBusinessId().toString());
        AccountEmails.publish(marker);

        await().atMost(PATIENCE).until(() -> "SENT".equals(status(marker.getEmailId())));
        await().atMost(PATIENCE).until(() -> count("sellavie.notification.account_email_events", null) > 0);
        assertThat(status(unknown.getEmailId())).isNull();
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class,
                unknown.getEventId())).isZero();
    }

    private static String mailbox(String name) {
        return name + "-" + UUID.randomUUID() + "@example.com";
    }

    private String status(UUID emailId) {
        return jdbc.query("SELECT status FROM outgoing_emails WHERE email_id = ?",
                rs -> rs.next() ? rs.getString(1) : null, emailId);
    }

    private int attempts(UUID emailId) {
        return jdbc.queryForObject("SELECT attempts FROM outgoing_emails WHERE email_id = ?", Integer.class, emailId);
    }

    private double count(String name, String kind) {
        return meters.find(name).counters().stream()
                .filter(c -> kind == null || kind.equals(c.getId().getTag("kind")))
                .mapToDouble(Counter::count).sum();
    }

    /** Content type (without parameters) to text, for every leaf part of the message. */
    private static Map<String, String> parts(Part part) throws Exception {
        Map<String, String> found = new LinkedHashMap<>();
        if (part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart child = multipart.getBodyPart(i);
                found.putAll(parts(child));
            }
        } else {
            found.put(part.getContentType().split(";")[0].strip().toLowerCase(), part.getContent().toString());
        }
        return found;
    }
}
