package com.sellavie.notification.privacy;

import com.sellavie.platform.privacy.PrivacyExport;
import com.sellavie.platform.privacy.PrivacyRows;
import com.sellavie.platform.privacy.PrivacySubject;
import com.sellavie.platform.privacy.PrivacyTaskHandler;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Notifications about a person are deleted with them: alerts naming a contact (by contact id) and new-message
 * previews (by the sender's Meta id, the third part of their reference). A CONTACT request carries no Meta id:
 * it reaches the previews conversation attributed to the contact (MessageContactsListener sets their
 * contact id) and every other preview from the same sender on the same channel account.
 */
@Component
class NotificationPrivacy implements PrivacyTaskHandler, PrivacyTaskHandler.FindsMetaUsers {

    private static final String FROM_SENDER = "kind = 'NEW_MESSAGE' AND split_part(reference, '/', 3) = ?";
    /** channel/account/sender of a preview's reference: who wrote it, where. */
    private static final String SENDER_KEY = "split_part(%1$sreference, '/', 1) || '/' || split_part(%1$sreference, "
            + "'/', 2) || '/' || split_part(%1$sreference, '/', 3)";
    private static final String OF_CONTACT = "(contact_id = ? OR (kind = 'NEW_MESSAGE' AND " + SENDER_KEY.formatted("")
            + " IN (SELECT " + SENDER_KEY.formatted("attributed.") + " FROM notifications attributed "
            + "WHERE attributed.business_id = ? AND attributed.kind = 'NEW_MESSAGE' AND attributed.contact_id = ?)))";

    private final JdbcTemplate jdbc;

    NotificationPrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PrivacyExport export(PrivacySubject subject) {
        Object[] args = args(subject);
        return PrivacyExport.of(Map.of("notifications", PrivacyRows.query(jdbc, "SELECT id, kind, title, body, "
                + "created_at, read_at FROM notifications WHERE " + where(subject) + " ORDER BY created_at", args)));
    }

    @Override
    public int erase(PrivacySubject subject) {
        return jdbc.update("DELETE FROM notifications WHERE " + where(subject), args(subject));
    }

    @Override
    public Set<UUID> businessesOfMetaUser(String metaUserId) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT business_id FROM notifications WHERE " + FROM_SENDER,
                UUID.class, metaUserId));
    }

    private static String where(PrivacySubject subject) {
        return "business_id = ? AND " + switch (subject.scope()) {
            case CONTACT -> OF_CONTACT;
            case META_USER -> FROM_SENDER;
            case BUSINESS -> "true";
        };
    }

    private static Object[] args(PrivacySubject subject) {
        return switch (subject.scope()) {
            case CONTACT -> new Object[] {subject.businessId(), subject.contactId(), subject.businessId(),
                    subject.contactId()};
            case META_USER -> new Object[] {subject.businessId(), subject.metaUserId()};
            case BUSINESS -> new Object[] {subject.businessId()};
        };
    }
}
