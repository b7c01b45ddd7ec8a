package com.sellavie.platform.tenancy;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static com.sellavie.platform.testservice.TestEvents.BUSINESS_B;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestListeners.Observed;
import com.sellavie.platform.testservice.TestRecords;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

@ConsumerServiceTest
class RecordTenancyIntegrationTest {

    @Autowired
    TestListeners listeners;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void tenantComesFromTheRecordsBusinessIdHeader() {
        // Given a note of each business
        String mine = "record-mine-" + UUID.randomUUID();
        String theirs = "record-theirs-" + UUID.randomUUID();
        TenantContext.runAs(BUSINESS_A, () -> jdbc.update("INSERT INTO notes (business_id, body) VALUES (?, ?)",
                BUSINESS_A, mine));
        TenantContext.runAs(BUSINESS_B, () -> jdbc.update("INSERT INTO notes (business_id, body) VALUES (?, ?)",
                BUSINESS_B, theirs));

        // When a record of business A arrives
        String text = "tenant-" + UUID.randomUUID();
        publish(text, TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());

        // Then its listener runs as A and reads only A's rows
        Observed seen = awaitObserved(text);
        assertThat(seen.businessId()).contains(BUSINESS_A);
        assertThat(seen.visibleNotes()).contains(mine).doesNotContain(theirs);
    }

    @Test
    void theTenantDoesNotLeakToTheNextRecord() {
        String first = "with-tenant-" + UUID.randomUUID();
        String second = "without-tenant-" + UUID.randomUUID();

        publish(first, TenantHeaders.BUSINESS_ID, BUSINESS_A.toString());
        publish(second);

        assertThat(awaitObserved(first).businessId()).contains(BUSINESS_A);
        assertThat(awaitObserved(second).businessId()).isEmpty();
    }

    private static void publish(String text, String... headers) {
        TestRecords.publish(TestListeners.OBSERVED_TOPIC, "same-key",
                TestRecords.encode(TestListeners.OBSERVED_TOPIC, TestEvents.inboundMessage(BUSINESS_A, text)), headers);
    }

    private Observed awaitObserved(String text) {
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.observed.containsKey(text));
        return listeners.observed.get(text);
    }
}
