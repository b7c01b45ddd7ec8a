package com.sellavie.ai.settings;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The settings a reply is written with, once this instance has built them: what the business saved last, on this
 * instance or any other, on the real database. Another instance's save is a row this instance never heard of.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@IntegrationTest
class ReplySettingsCacheTest {

    @Autowired
    AiSettingsService settings;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;

    @Test
    void aReplyIsWrittenWithWhatTheBusinessSavedLastWhereverItWasSaved() {
        UUID business = UUID.randomUUID();
        assertThat(forReplies(business)).as("no settings saved: the deployment's chain").isEmpty();

        save(business, "Warm and brief");
        ReplySettings first = forReplies(business).orElseThrow();
        assertThat(first.tone()).isEqualTo("Warm and brief");
        assertThat(forReplies(business).orElseThrow()).as("unchanged: the settings built before").isSameAs(first);

        // Another instance saves (Spring Data's update: the version moves on, so does updated_at)
        TenantContext.runAs(business, () -> jdbc.update("UPDATE ai_settings SET tone = 'Formal', "
                + "version = version + 1, updated_at = now() WHERE business_id = ?", business));
        assertThat(forReplies(business).orElseThrow().tone()).isEqualTo("Formal");

        // Removed and saved anew between two replies: the version starts again, the save time does not
        delete(business);
        save(business, "Playful");
        assertThat(forReplies(business).orElseThrow().tone()).isEqualTo("Playful");
        delete(business);
        save(business, "Curt");
        assertThat(forReplies(business).orElseThrow().tone()).isEqualTo("Curt");

        delete(business);
        assertThat(forReplies(business)).as("removed: the deployment's chain again").isEmpty();
    }

    @Test
    void oneBusinesssSettingsNeverAnswerAnothersReply() {
        UUID shop = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        save(shop, "Shop's tone");
        assertThat(forReplies(shop).orElseThrow().tone()).isEqualTo("Shop's tone");

        assertThat(forReplies(other)).isEmpty();
        save(other, "Other's tone");
        assertThat(forReplies(other).orElseThrow().tone()).isEqualTo("Other's tone");
        assertThat(forReplies(shop).orElseThrow().tone()).isEqualTo("Shop's tone");
        // Read as another tenant, the row is not there (row-level security), whatever this instance built before
        Optional<ReplySettings> asOther = TenantContext.callAs(other,
                () -> transaction.execute(status -> settings.forReplies(shop)));
        assertThat(asOther).isEmpty();
    }

    private Optional<ReplySettings> forReplies(UUID business) {
        return TenantContext.callAs(business, () -> transaction.execute(status -> settings.forReplies(business)));
    }

    private void delete(UUID business) {
        TenantContext.runAs(business, () -> jdbc.update("DELETE FROM ai_settings WHERE business_id = ?", business));
    }

    private void save(UUID business, String tone) {
        TenantContext.runAs(business, () -> settings.replace(new AiSettingsRequest(
                List.of(new AiSettingsRequest.ProviderRequest("offline", null, null, null)), null, null, tone,
                "CUSTOMER", null, Map.of(), null, null, null)));
    }
}
