package com.sellavie.notification.preferences;

import com.sellavie.notification.email.EmailQueue;
import com.sellavie.notification.email.EmailRequest;
import com.sellavie.notification.feed.NotificationDraft;
import com.sellavie.notification.feed.NotificationRecorded;
import com.sellavie.notification.team.TeamMembers;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Emails an alert that was just added to a business's feed to each member who wants that kind by
 * email. Runs in the recording transaction (the consumer's, with its inbox entry), so the emails are
 * queued exactly when the alert is; the address is asked of identity only when sending.
 */
@Component
class AlertEmails {

    static final String TEMPLATE = "MERCHANT_ALERT";

    private final TeamMembers members;
    private final AlertPreferences preferences;
    private final EmailQueue queue;
    private final String consoleUrl;

    AlertEmails(TeamMembers members, AlertPreferences preferences, EmailQueue queue,
            @Value("${sellavie.console.base-url:http://localhost:8080}") String consoleBaseUrl) {
        this.members = members;
        this.preferences = preferences;
        this.queue = queue;
        this.consoleUrl = consoleBaseUrl.replaceAll("/+$", "") + "/notifications";
    }

    @EventListener
    void on(NotificationRecorded recorded) {
        NotificationDraft alert = recorded.draft();
        if (!AlertKinds.DEFAULTS.containsKey(alert.kind())) {
            return;
        }
        for (UUID member : members.all()) {
            if (preferences.of(member).get(alert.kind()) == AlertChannel.EMAIL) {
                queue.enqueue(new EmailRequest(emailId(recorded, member), recorded.businessId(), TEMPLATE, null,
                        member, null, Map.of("title", alert.title(), "body", alert.body(), "consoleUrl", consoleUrl),
                        null));
            }
        }
    }

    /** The same alert to the same member is one email, whatever redelivers it. */
    private static UUID emailId(NotificationRecorded recorded, UUID member) {
        String key = "alert:" + recorded.businessId() + ":" + recorded.draft().kind() + ":"
                + recorded.draft().reference() + ":" + member;
        return UUID.nameUUIDFromBytes(key.getBytes(StandardCharsets.UTF_8));
    }
}
