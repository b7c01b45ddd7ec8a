package com.sellavie.notification.email;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Where consumers hand emails over: queued in their own transaction, sent later by {@link EmailSender}. */
@Service
public class EmailQueue {

    private final OutgoingEmails emails;
    private final EmailTemplates templates;

    EmailQueue(OutgoingEmails emails, EmailTemplates templates) {
        this.emails = emails;
        this.templates = templates;
    }

    /**
     * Queues the email once per emailId. Joins the caller's transaction (a consumer's inbox entry), so
     * both commit together.
     *
     * @return whether it was queued (false: that emailId was queued before)
     * @throws IllegalArgumentException for a kind without templates (the record goes to the DLT)
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean enqueue(EmailRequest request) {
        if (!templates.knows(request.kind())) {
            throw new IllegalArgumentException("No email template for kind " + request.kind());
        }
        return emails.insertIfAbsent(request);
    }
}
