package com.sellavie.ingest.unroutable;

import com.sellavie.platform.privacy.PrivacyExport;
import com.sellavie.platform.privacy.PrivacySubject;
import com.sellavie.platform.privacy.PrivacyScope;
import com.sellavie.platform.privacy.PrivacyTaskHandler;
import java.util.Map;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The only personal data this service stores is the raw Meta message of an unroutable webhook, kept
 * with no business (no channel claimed it yet). A META_USER erasure deletes every kept message in which
 * the user's id appears (as sender, or anywhere in the JSON). CONTACT and BUSINESS requests find nothing
 * here: a kept message belongs to no business, and a contact id means nothing to this service.
 */
@Component
class UnroutablePrivacy implements PrivacyTaskHandler {

    private final JdbcTemplate jdbc;

    UnroutablePrivacy(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public PrivacyExport export(PrivacySubject subject) {
        return PrivacyExport.of(Map.of());
    }

    @Override
    public int erase(PrivacySubject subject) {
        if (subject.scope() != PrivacyScope.META_USER || subject.metaUserId() == null || subject.metaUserId().isBlank()) {
            return 0;
        }
        // The id as a JSON string value: "1789..." (never a prefix of a longer id).
        return jdbc.update("DELETE FROM unroutable_messages WHERE strpos(message, ?) > 0",
                "\"" + subject.metaUserId() + "\"");
    }
}
