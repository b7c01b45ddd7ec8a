package com.sellavie.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.test.IntegrationTest;
import com.sellavie.platform.test.QueryPlans;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The email queue's claim while a backlog waits (the SMTP server down, say) after a history of sent emails, with
 * the planner's statistics taken before the backlog and after it, and under both plans the server may cache for it.
 */
@SpringBootTest
@IntegrationTest
class OutgoingEmailQueuePlansTest {

    private static final String RECIPIENT = "queue-plans@example.invalid";

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;

    /** 12,000 emails sent, the statistics taken, then 3,000 due (the service's sender may take a few meanwhile). */
    @BeforeEach
    void backlogAfterAHistory() {
        emails(12_000, "SENT");
        QueryPlans.analyze(dataSource, "outgoing_emails");
        emails(3_000, "PENDING");
    }

    @AfterEach
    void giveUpTheBacklog() {
        jdbc.update("UPDATE outgoing_emails SET status = 'FAILED' WHERE recipient = ? AND status = 'PENDING'", RECIPIENT);
    }

    @Test
    void aClaimReadsItsEmailsByKeyNotEveryEmailSent() {
        // When an instance claims two due emails, under either cached plan, before and after the statistics
        // have caught up with the backlog
        List<String> plans = QueryPlans.underEachPlanBeforeAndAfterAnalyze(dataSource, "outgoing_emails",
                plan -> QueryPlans.explain(dataSource, plan, OutgoingEmails.CLAIM_DUE, 60_000L, 2));

        // Then each reads the queue's first two entries and the two emails by key: not the 15,000 emails
        assertThat(plans).allSatisfy(plan -> {
            assertThat(plan).as(plan).contains("outgoing_emails_due").doesNotContain("Seq Scan");
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(100);
        });
    }

    private void emails(int count, String status) {
        jdbc.update("""
                INSERT INTO outgoing_emails (email_id, business_id, kind, recipient, status, attempts, next_attempt_at,
                                             sent_at)
                SELECT gen_random_uuid(), gen_random_uuid(), 'PASSWORD_RESET', ?, ?, 1,
                       now() - interval '1 hour' + i * interval '1 millisecond',
                       CASE WHEN ? = 'SENT' THEN now() END
                  FROM generate_series(1, ?) i
                """, RECIPIENT, status, status, count);
    }
}
