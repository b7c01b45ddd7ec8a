package com.sellavie.conversation.privacy;

import com.sellavie.platform.privacy.PrivacyExport;
import com.sellavie.platform.privacy.PrivacyRows;
import com.sellavie.platform.privacy.PrivacySubject;
import com.sellavie.platform.privacy.PrivacyTaskHandler;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Exports and erases a subject's contacts with everything hanging off them: consent records,
 * conversations (with assignment, labels), messages and comments (text, attachments, reactions, the
 * send queue's rows) and the live feed's events about them. Erasure deletes the rows rather than
 * blanking them: a conversation without its person or words has nothing honest left to show.
 * BUSINESS scope also drops the members' pending Facebook Login sessions.
 */
@Component
class ConversationPrivacy implements PrivacyTaskHandler, PrivacyTaskHandler.FindsMetaUsers {

    private final JdbcTemplate jdbc;

    ConversationPrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PrivacyExport export(PrivacySubject subject) {
        Contacts of = Contacts.of(subject);
        Map<String, List<?>> sections = new LinkedHashMap<>();
        sections.put("contacts", PrivacyRows.query(jdbc, "SELECT k.id, ch.type AS channel_type, k.external_id, k.name, "
                + "k.username, k.profile_picture_url, k.notes, k.created_at FROM contacts k "
                + "JOIN channels ch ON ch.id = k.channel_id WHERE k.id IN (" + of.sql + ") ORDER BY k.created_at", of.args()));
        sections.put("consents", PrivacyRows.query(jdbc, "SELECT contact_id, purpose, status, source, recorded_at "
                + "FROM contact_consents WHERE contact_id IN (" + of.sql + ") ORDER BY recorded_at", of.args()));
        sections.put("conversations", PrivacyRows.query(jdbc, "SELECT id, contact_id, mode, labels, created_at, "
                + "last_message_at FROM conversations WHERE " + of.conversations() + " ORDER BY created_at", of.args()));
        sections.put("messages", PrivacyRows.query(jdbc, "SELECT id, conversation_id, kind, direction, author_type, text, "
                + "image_url, attachments, template_name, template_parameters, customer_reaction, sent_at, delivery_status "
                + "FROM messages WHERE conversation_id IN (SELECT id FROM conversations WHERE " + of.conversations()
                + ") ORDER BY sent_at, id", of.args()));
        return PrivacyExport.of(sections);
    }

    @Override
    public int erase(PrivacySubject subject) {
        Contacts of = Contacts.of(subject);
        String conversations = "SELECT id FROM conversations WHERE " + of.conversations();
        int erased = jdbc.update("DELETE FROM live_events WHERE conversation_id IN (" + conversations + ")", of.args());
        erased += jdbc.update("DELETE FROM messages WHERE conversation_id IN (" + conversations + ")", of.args());
        erased += jdbc.update("DELETE FROM conversations WHERE " + of.conversations(), of.args());
        erased += jdbc.update("DELETE FROM contact_consents WHERE contact_id IN (" + of.sql + ")", of.args());
        erased += jdbc.update("DELETE FROM contacts WHERE id IN (" + of.sql + ")", of.args());
        if (subject.isBusiness()) {
            erased += jdbc.update("DELETE FROM facebook_logins WHERE business_id = ?", subject.businessId());
        }
        return erased;
    }

    /** Runs in the platform's read-only global lookup: a Meta user is a contact's external id. */
    @Override
    public Set<UUID> businessesOfMetaUser(String metaUserId) {
        return new HashSet<>(jdbc.queryForList("SELECT DISTINCT business_id FROM contacts WHERE external_id = ?",
                UUID.class, metaUserId));
    }

    /** The subject's contacts as a sub-select of ids, always within the business. */
    private record Contacts(String sql, List<Object> params) {

        static Contacts of(PrivacySubject subject) {
            List<Object> params = new ArrayList<>(List.of(subject.businessId()));
            String sql = "SELECT id FROM contacts WHERE business_id = ?";
            switch (subject.scope()) {
                case CONTACT -> {
                    sql += " AND id = ?";
                    params.add(subject.contactId());
                }
                case META_USER -> {
                    sql += " AND external_id = ?";
                    params.add(subject.metaUserId());
                }
                case BUSINESS -> {
                }
            }
            return new Contacts(sql, params);
        }

        String conversations() {
            return "contact_id IN (" + sql + ")";
        }

        Object[] args() {
            return params.toArray();
        }
    }
}
