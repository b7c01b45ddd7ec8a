package com.sellavie.notification.email;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the due emails of {@code outgoing_emails} on a scheduler thread, never a consumer's: each one
 * claimed (attempt counted, leased), composed ({@link MailComposer}: text + HTML, link decrypted only
 * now), sent, then marked SENT; a failure is retried with exponential backoff, or FAILED when
 * permanent or out of attempts. Counted: {@value #SENT}, {@value #FAILED}, {@value #RETRIED} (tag {@code kind}).
 *
 * <p>Delivery is at least once only across a crash between the SMTP server's acceptance and the
 * SENT mark (the lease then expires and the email goes again); otherwise once per emailId.
 */
@Component
class EmailSender {

    static final String SENT = "sellavie.email.sent";
    static final String FAILED = "sellavie.email.failed";
    static final String RETRIED = "sellavie.email.retried";
    private static final Logger log = LoggerFactory.getLogger(EmailSender.class);

    private final OutgoingEmails emails;
    private final MailComposer composer;
    private final JavaMailSender mail;
    private final EmailProperties properties;
    private final MeterRegistry meters;

    EmailSender(OutgoingEmails emails, MailComposer composer, JavaMailSender mail, EmailProperties properties,
            MeterRegistry meters) {
        this.emails = emails;
        this.composer = composer;
        this.mail = mail;
        this.properties = properties;
        this.meters = meters;
    }

    @Scheduled(fixedDelayString = "${sellavie.email.poll-interval:PT2S}", initialDelayString = "PT1S")
    void sendDue() {
        List<OutgoingEmail> due;
        try {
            due = emails.claimDue(properties.batchSize(), properties.claimLease());
        } catch (RuntimeException e) {
            log.warn("Could not read the due emails (next look in {}): {}", properties.pollInterval(), e.toString());
            return;
        }
        due.forEach(this::send);
    }

    private void send(OutgoingEmail email) {
        try {
            mail.send(composer.compose(email));
            emails.markSent(email.emailId());
            meters.counter(SENT, "kind", email.kind()).increment();
            log.info("Sent email {} ({}) at attempt {}", email.emailId(), email.kind(), email.attempts());
        } catch (RuntimeException | MessagingException e) {
            failed(email, e);
        }
    }

    private void failed(OutgoingEmail email, Exception failure) {
        String cause = DeliveryFailures.describe(failure);
        boolean permanent = DeliveryFailures.isPermanent(failure);
        if (permanent || email.attempts() >= properties.maxAttempts()) {
            emails.markFailed(email.emailId(), cause);
            meters.counter(FAILED, "kind", email.kind(), "reason", permanent ? "permanent" : "attempts_exhausted")
                    .increment();
            log.error("Gave up on email {} ({}) after {} attempt(s): {}", email.emailId(), email.kind(),
                    email.attempts(), cause);
            return;
        }
        Duration delay = properties.retryDelayAfter(email.attempts());
        emails.retryLater(email.emailId(), delay, cause);
        meters.counter(RETRIED, "kind", email.kind()).increment();
        log.warn("Email {} ({}) not sent at attempt {} of {}, retrying in {}: {}", email.emailId(), email.kind(),
                email.attempts(), properties.maxAttempts(), delay, cause);
    }
}
