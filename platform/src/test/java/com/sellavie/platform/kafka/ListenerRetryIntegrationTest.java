package com.sellavie.platform.kafka;

import static com.sellavie.platform.testservice.TestEvents.BUSINESS_A;
import static com.sellavie.platform.testservice.TestRecords.header;
import static com.sellavie.platform.testservice.TestRecords.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.inbox.EventIds;
import com.sellavie.platform.tenancy.TenantHeaders;
import com.sellavie.platform.testservice.ConsumerServiceTest;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.platform.testservice.TestListeners;
import com.sellavie.platform.testservice.TestRecords;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * The error handler on a real broker and database: one consumer thread reads the three partitions
 * of {@link TestListeners#CLASSIFIED_TOPIC}, and the context's back-off is 5 s, far above a record's
 * normal latency.
 */
@ConsumerServiceTest
@ExtendWith(OutputCaptureExtension.class)
class ListenerRetryIntegrationTest {

    private static final String TOPIC = TestListeners.CLASSIFIED_TOPIC;
    private static final String GROUP = TestListeners.CLASSIFIED_GROUP;

    @Autowired
    TestListeners listeners;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MeterRegistry meters;

    @Test
    void uniqueKeyViolationIsDeadLetteredAtOnceAndTheNextRecordsFlow(CapturedOutput output) {
        // Given a key already taken, and an event whose handler inserts it again, followed by a good event
        String taken = "taken-" + UUID.randomUUID();
        jdbc.update("INSERT INTO unique_keys (key) VALUES (?)", taken);
        String violating = TestListeners.UNIQUE + taken;
        String next = "after-violation-" + UUID.randomUUID();
        double deadLetteredBefore = failures("permanent", "dead_lettered");

        // When both are published to the same partition
        UUID eventId = publish(0, violating);
        publish(0, next);

        // Then the violating event is dead-lettered after its single attempt, the next one handled
        ConsumerRecord<byte[], byte[]> dead = TestRecords.awaitRecord(TOPIC + ".dlt", r -> violating.equals(key(r)));
        assertThat(header(dead, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN)).isEqualTo(DuplicateKeyException.class.getName());
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.classifiedHandled.contains(next));
        assertThat(listeners.classifiedAttempts.get(violating)).hasSize(1);
        assertThat(listeners.classifiedHandled).doesNotContain(violating);
        // And it was said loudly, with the event and the group, and counted
        assertThat(output.getOut()).containsPattern("ERROR .*Giving up on record " + TOPIC + "-0@\\d+ \\(eventId "
                + eventId + ", group " + GROUP + "\\), permanent: .*DuplicateKeyException");
        assertThat(output.getOut()).containsPattern("WARN .*Attempt 1 of record " + TOPIC + "-0@\\d+ \\(eventId "
                + eventId + ", group " + GROUP + "\\) failed, permanent: .*DuplicateKeyException.*dead-lettered");
        assertThat(failures("permanent", "dead_lettered")).isEqualTo(deadLetteredBefore + 1);
    }

    @Test
    void lockFailureIsRetriedLaterWhileTheOtherPartitionsKeepFlowing(CapturedOutput output) throws Exception {
        String gated = TestListeners.GATED + UUID.randomUUID();
        String behind = "behind-gated-" + UUID.randomUUID();
        String elsewhere = "other-partition-" + UUID.randomUUID();
        double retriedBefore = failures("transient", "retried");
        double processedBefore = records("processed");
        double failedBefore = records("failed");

        try (Connection holder = dataSource.getConnection()) {
            // Given the row the handler needs is locked by another transaction
            holder.setAutoCommit(false);
            try (Statement lock = holder.createStatement()) {
                lock.execute("SELECT name FROM gates WHERE name = 'classified' FOR UPDATE");
            }

            // When an event needing it is published, another behind it on the same partition
            UUID eventId = publish(0, gated);
            publish(0, behind);
            await().atMost(Duration.ofSeconds(30)).until(() -> listeners.classifiedAttempts.containsKey(gated));

            // Then, while its partition waits out the back-off, the same consumer thread handles
            // another partition's event at once (well within the 5 s back-off)
            publish(1, elsewhere);
            await().atMost(Duration.ofSeconds(3)).until(() -> listeners.classifiedHandled.contains(elsewhere));
            // And nothing overtakes the failing event on its own partition
            assertThat(listeners.classifiedHandled).doesNotContain(gated, behind);
            assertThat(output.getOut()).containsPattern("WARN .*Attempt 1 of record " + TOPIC + "-0@\\d+ \\(eventId "
                    + eventId + ", group " + GROUP + "\\) failed, transient: .*SQL state \\[55P03\\].*"
                    + "its partition pauses, retry in 5000 ms");

            // When the lock is released
            holder.commit();
        }

        // Then the event is handled by a later attempt, after the back-off, then the one behind it
        await().atMost(Duration.ofSeconds(30)).until(() -> listeners.classifiedHandled.contains(behind));
        List<String> handled = listeners.classifiedHandled;
        assertThat(handled.indexOf(gated)).isLessThan(handled.indexOf(behind));
        List<Instant> attempts = listeners.classifiedAttempts.get(gated);
        assertThat(attempts.size()).isGreaterThanOrEqualTo(2);
        assertThat(Duration.between(attempts.get(0), attempts.get(1))).isGreaterThan(Duration.ofMillis(4500));
        // And it never reached the dead-letter topic; every step was counted
        assertThat(TestRecords.readAll(TOPIC + ".dlt")).noneMatch(r -> gated.equals(key(r)));
        assertThat(failures("transient", "retried")).isGreaterThanOrEqualTo(retriedBefore + 1);
        assertThat(records("failed")).isGreaterThanOrEqualTo(failedBefore + 1);
        assertThat(records("processed")).isGreaterThanOrEqualTo(processedBefore + 3);
    }

    private static UUID publish(int partition, String text) {
        InboundMessageReceived event = TestEvents.inboundMessage(BUSINESS_A, text);
        TestRecords.publishTo(TOPIC, partition, text, TestRecords.encode(TOPIC, event),
                TenantHeaders.BUSINESS_ID, BUSINESS_A.toString(), EventIds.HEADER, event.getEventId().toString());
        return event.getEventId();
    }

    private double failures(String classification, String outcome) {
        var counter = meters.find(ListenerFailures.FAILURES).tags("group", GROUP, "topic", TOPIC,
                "classification", classification, "outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double records(String outcome) {
        var counter = meters.find(ListenerOutcomes.RECORDS).tags("group", GROUP, "topic", TOPIC, "outcome", outcome)
                .counter();
        return counter == null ? 0 : counter.count();
    }
}
