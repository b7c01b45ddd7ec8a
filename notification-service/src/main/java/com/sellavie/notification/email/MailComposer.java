package com.sellavie.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Builds the message of a claimed email: its address (a member's asked of identity), its link
 * decrypted only now, its text and HTML parts from the templates. The clear link lives only in the
 * message handed to the SMTP server.
 */
@Component
class MailComposer {

    private final EmailTemplates templates;
    private final LinkCipher links;
    private final MemberAddresses addresses;
    private final JavaMailSender mail;
    private final EmailProperties properties;

    MailComposer(EmailTemplates templates, LinkCipher links, MemberAddresses addresses, JavaMailSender mail,
            EmailProperties properties) {
        this.templates = templates;
        this.links = links;
        this.addresses = addresses;
        this.mail = mail;
        this.properties = properties;
    }

    MimeMessage compose(OutgoingEmail email) throws MessagingException {
        String to = email.recipient() != null ? email.recipient()
                : addresses.of(email.businessId(), email.recipientUserId());
        String link = email.linkCiphertext() == null ? null : links.decrypt(email.linkCiphertext(), email.emailId());
        ComposedEmail composed = templates.render(email.kind(), email.locale(), email.variables(), link);
        MimeMessage message = mail.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED,
                StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(to);
        helper.setSubject(composed.subject());
        helper.setText(composed.text(), composed.html());
        // Lets a mail be traced back to its request without reading it.
        message.setHeader("X-Sellavie-Email-Id", email.emailId().toString());
        return message;
    }
}
