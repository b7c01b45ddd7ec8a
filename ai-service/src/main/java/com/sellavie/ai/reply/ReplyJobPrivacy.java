package com.sellavie.ai.reply;

import com.sellavie.ai.orders.OrderPrivacy;
import com.sellavie.platform.privacy.PrivacyExport;
import com.sellavie.platform.privacy.PrivacyScope;
import com.sellavie.platform.privacy.PrivacySubject;
import com.sellavie.platform.privacy.PrivacyTaskHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The personal data ai-service keeps is in reply jobs (a waiting job holds its request: the customer's
 * message and the conversation's recent history; a finished one the conversation and contact ids) and
 * in its copy of the customer's orders ({@link OrderPrivacy}). Erasure deletes the subject's jobs (a
 * waiting reply is then never sent) and orders; export decodes the waiting requests' text and lists
 * the orders. A META_USER erasure finds nothing here: requests carry no Meta id, and
 * conversation-service's part removes the person.
 */
@Component
class ReplyJobPrivacy implements PrivacyTaskHandler {

    private final JdbcTemplate jdbc;
    private final OrderPrivacy orders;

    ReplyJobPrivacy(JdbcTemplate jdbc, OrderPrivacy orders) {
        this.jdbc = jdbc;
        this.orders = orders;
    }

    @Override
    public PrivacyExport export(PrivacySubject subject) {
        Jobs of = Jobs.of(subject);
        List<Map<String, Object>> jobs = jdbc.query("SELECT id, conversation_id, status, requested_at, finished_at, "
                + "request_avro, request_schema FROM reply_jobs WHERE " + of.where + " ORDER BY seq", (rs, n) -> {
                    Map<String, Object> job = new LinkedHashMap<>();
                    job.put("id", rs.getString("id"));
                    job.put("conversationId", rs.getString("conversation_id"));
                    job.put("status", rs.getString("status"));
                    job.put("requestedAt", rs.getTimestamp("requested_at").toInstant().toString());
                    byte[] avro = rs.getBytes("request_avro");
                    if (avro != null) {
                        var request = ReplyRequestCodec.decode(avro, rs.getString("request_schema"));
                        job.put("customerMessage", request.getTriggerText());
                        job.put("history", request.getHistory().stream().map(h -> {
                            Map<String, Object> message = new LinkedHashMap<>();
                            message.put("direction", h.getDirection());
                            message.put("text", h.getText());
                            return message;
                        }).toList());
                    }
                    return job;
                }, of.args);
        return PrivacyExport.of(Map.of("replyJobs", jobs, "orders", orders.export(subject, conversations(subject))));
    }

    @Override
    public int erase(PrivacySubject subject) {
        int erasedOrders = orders.erase(subject, conversations(subject));
        Jobs of = Jobs.of(subject);
        return erasedOrders + jdbc.update("DELETE FROM reply_jobs WHERE " + of.where, of.args);
    }

    /** The contact's conversations as their reply jobs know them (their orders without a contact id are theirs). */
    private List<UUID> conversations(PrivacySubject subject) {
        if (subject.scope() != PrivacyScope.CONTACT) {
            return List.of();
        }
        return jdbc.queryForList("SELECT DISTINCT conversation_id FROM reply_jobs WHERE business_id = ? AND "
                + "contact_id = ?", UUID.class, subject.businessId(), subject.contactId());
    }

    /** The subject's jobs: a contact's, including older jobs of their conversations sent without a contact id. */
    private record Jobs(String where, Object[] args) {

        static Jobs of(PrivacySubject subject) {
            UUID business = subject.businessId();
            return switch (subject.scope()) {
                case CONTACT -> new Jobs("business_id = ? AND (contact_id = ? OR conversation_id IN "
                        + "(SELECT conversation_id FROM reply_jobs WHERE business_id = ? AND contact_id = ?))",
                        new Object[] {business, subject.contactId(), business, subject.contactId()});
                case BUSINESS -> new Jobs("business_id = ?", new Object[] {business});
                case META_USER -> new Jobs("false", new Object[0]);
            };
        }
    }
}
