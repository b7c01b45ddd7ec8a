package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.NotLeaderOrFollowerException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TimeoutException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.data.Schema;
import org.apache.kafka.connect.data.SchemaBuilder;
import org.apache.kafka.connect.data.Struct;
import org.apache.kafka.connect.source.SourceRecord;
import org.junit.jupiter.api.Test;

class KafkaForwarderTest {

    private static final byte[] AVRO = {0, 0, 0, 0, 7, 2, 4, 6};

    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final RecordingDeadLetters letters = new RecordingDeadLetters();
    private final RecordingCheckpoint checkpoint = new RecordingCheckpoint();

    @Test
    void routedEventKeepsItsKeyTopicAndBytesAndOnlyTheNamedHeaders() {
        SourceRecord routed = routed("commerce.orders", "order-1", AVRO, "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

        ProducerRecord<String, byte[]> record = KafkaForwarder.toKafka(routed);

        assertThat(record.topic()).isEqualTo("commerce.orders");
        assertThat(record.key()).isEqualTo("order-1");
        assertThat(record.value()).isEqualTo(AVRO);
        assertThat(record.headers()).extracting(Header::key)
                .containsExactlyInAnyOrder("eventId", "eventType", "businessId", "traceparent");
        assertThat(new String(record.headers().lastHeader("eventType").value(), StandardCharsets.UTF_8)).isEqualTo("OrderPaid");
    }

    @Test
    void eventWrittenOutsideASpanHasNoTraceparentHeader() {
        ProducerRecord<String, byte[]> record = KafkaForwarder.toKafka(routed("commerce.orders", "order-1", AVRO, null));

        assertThat(record.headers().lastHeader("traceparent")).isNull();
    }

    @Test
    void heartbeatsAreNotForwarded() {
        Schema keySchema = SchemaBuilder.struct().field("serverName", Schema.STRING_SCHEMA).build();
        SourceRecord heartbeat = new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.relay", keySchema,
                new Struct(keySchema).put("serverName", "relay"), null, null);

        assertThat(KafkaForwarder.toKafka(heartbeat)).isNull();
    }

    @Test
    void batchIsMarkedProcessedOnlyAfterKafkaAcknowledgedIt() throws InterruptedException {
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        RecordingCommitter committer = new RecordingCommitter();
        List<ChangeEvent<SourceRecord, SourceRecord>> batch = List.of(event("a"), event("b"));

        forwarder(kafka).handleBatch(batch, committer);

        assertThat(kafka.history()).hasSize(2);
        assertThat(committer.processed).containsExactlyElementsOf(batch);
        assertThat(committer.finished).isTrue();
    }

    @Test
    void batchKafkaRefusedIsNeitherMarkedProcessedNorFinished() {
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        kafka.sendException = new TimeoutException("broker unavailable");
        RecordingCommitter committer = new RecordingCommitter();

        assertThatThrownBy(() -> forwarder(kafka).handleBatch(List.of(event("a")), committer))
                .isInstanceOf(RuntimeException.class);

        assertThat(committer.processed).isEmpty();
        assertThat(committer.finished).isFalse();
        assertThat(letters.stored).isEmpty();
    }

    @Test
    void recordKafkaRefusesForGoodIsDeadLetteredCountedAndTheRestOfTheBatchGoesOn() throws InterruptedException {
        // Given a batch whose middle record Kafka will never take (too large)
        MockProducer<String, byte[]> kafka = refusing("too-big", new RecordTooLargeException("message is 2000 bytes"));
        RecordingCommitter committer = new RecordingCommitter();
        List<ChangeEvent<SourceRecord, SourceRecord>> batch = List.of(event("a"), event("too-big"), event("c"));

        // When it is handled
        forwarder(kafka).handleBatch(batch, committer);

        // Then the others are sent, the whole batch is marked (the stream goes on), the refused one is kept with its reason
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("a", "c");
        assertThat(committer.processed).containsExactlyElementsOf(batch);
        assertThat(committer.finished).isTrue();
        assertThat(letters.stored).singleElement().satisfies(letter -> {
            assertThat(letter.key()).isEqualTo("too-big");
            assertThat(letter.topic()).isEqualTo("commerce.orders");
            assertThat(letter.payload()).isEqualTo(AVRO);
            assertThat(letter.headers()).containsEntry("eventType", "OrderPaid");
            assertThat(letter.reason()).startsWith("RecordTooLargeException: message is 2000 bytes");
        });
        assertThat(meters.counter(RelayMetrics.DEAD_LETTERS, "slot", "slot", "reason", "RecordTooLargeException").count())
                .isEqualTo(1);
    }

    @Test
    void changeThatIsNotAForwardableEventIsKeptAndCountedNeverDroppedSilently() throws InterruptedException {
        // Given a change whose key is not a string (not what the outbox table produces), and a heartbeat
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SourceRecord structKey = new SourceRecord(Map.of(), Map.of(), "commerce.orders", Schema.INT64_SCHEMA, 42L,
                Schema.BYTES_SCHEMA, AVRO);
        structKey.headers().addString("eventId", "0190f5a4-7b7e-7c3e-9a51-5f0c2d7e8a12");
        RecordingCommitter committer = new RecordingCommitter();
        List<ChangeEvent<SourceRecord, SourceRecord>> batch = List.of(change(structKey), change(heartbeat()), event("b"));

        // When it is handled
        forwarder(kafka).handleBatch(batch, committer);

        // Then it is kept as a dead letter with what was wrong and counted; the heartbeat is just skipped
        assertThat(kafka.history()).extracting(ProducerRecord::key).containsExactly("b");
        assertThat(letters.stored).singleElement().satisfies(letter -> {
            assertThat(letter.eventId()).hasToString("0190f5a4-7b7e-7c3e-9a51-5f0c2d7e8a12");
            assertThat(letter.key()).isEqualTo("42");
            assertThat(letter.reason()).startsWith("key-not-a-string");
        });
        assertThat(meters.counter(RelayMetrics.UNFORWARDABLE, "slot", "slot", "reason", "key-not-a-string").count())
                .isEqualTo(1);
        assertThat(committer.finished).isTrue();
    }

    @Test
    void onlyRefusalsNoRetryCanCureArePermanent() {
        assertThat(KafkaDelivery.isPermanent(new RecordTooLargeException("x"))).isTrue();
        assertThat(KafkaDelivery.isPermanent(new InvalidTopicException("x"))).isTrue();
        assertThat(KafkaDelivery.isPermanent(new TopicAuthorizationException("x"))).isTrue();
        assertThat(KafkaDelivery.isPermanent(new SerializationException("x"))).isTrue();
        assertThat(KafkaDelivery.isPermanent(new TimeoutException("x"))).isFalse();
        assertThat(KafkaDelivery.isPermanent(new NotLeaderOrFollowerException("x"))).isFalse();
        assertThat(KafkaDelivery.isPermanent(new IllegalStateException("producer closed"))).isFalse();
    }

    @Test
    void batchStillAwaitingKafkaIsAbandonedUnmarkedAsSoonAsTheRelayStops() {
        // Given a Kafka that never answers
        MockProducer<String, byte[]> kafka = new MockProducer<>(false, null, new StringSerializer(), new ByteArraySerializer());
        RecordingCommitter committer = new RecordingCommitter();
        long started = System.nanoTime();
        long stopAt = started + Duration.ofMillis(300).toNanos();
        KafkaForwarder stopping = new KafkaForwarder(kafka, new RelayStatus(Clock.systemUTC()), new RelayMetrics(meters, "slot"),
                letters, checkpoint, () -> System.nanoTime() > stopAt);

        // When the relay stops while the batch waits: it gives up at once, marking nothing
        assertThatThrownBy(() -> stopping.handleBatch(List.of(event("a")), committer)).isInstanceOf(RelayException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(committer.processed).isEmpty();
    }

    @Test
    void acknowledgedBatchMovesTheCheckpointToItsLatestCommit() throws InterruptedException {
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        SourceRecord earlier = committed(routed("commerce.orders", "a", AVRO, null), "2026-11-30T03:00:00.000001Z");
        SourceRecord later = committed(routed("commerce.orders", "b", AVRO, null), "2026-11-30T03:00:02.5Z");

        forwarder(kafka).handleBatch(List.of(change(later), change(earlier)), new RecordingCommitter());

        assertThat(checkpoint.latest).isEqualTo(Instant.parse("2026-11-30T03:00:02.5Z"));
        assertThat(kafka.history().getFirst().headers()).extracting(Header::key)
                .doesNotContain("ts_usec");
    }

    @Test
    void changeWithoutACommitTimeIsSentAndLeavesTheCheckpointWhereItWas() throws InterruptedException {
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());

        forwarder(kafka).handleBatch(List.of(change(routed("commerce.orders", "a", AVRO, null))), new RecordingCommitter());

        assertThat(kafka.history()).hasSize(1);
        assertThat(checkpoint.latest).isNull();
    }

    /** The routed record as the engine hands it over: Debezium's source offset carries the commit time. */
    private static SourceRecord committed(SourceRecord routed, String commitTime) {
        Instant at = Instant.parse(commitTime);
        long micros = at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
        return new SourceRecord(Map.of("server", "slot"), Map.of("lsn", 24_023_128L, "txId", 771L, "ts_usec", micros),
                routed.topic(), null, routed.keySchema(), routed.key(), routed.valueSchema(), routed.value(), null,
                routed.headers());
    }

    private KafkaForwarder forwarder(MockProducer<String, byte[]> kafka) {
        return new KafkaForwarder(kafka, new RelayStatus(Clock.systemUTC()), new RelayMetrics(meters, "slot"), letters,
                checkpoint, () -> false);
    }

    private static MockProducer<String, byte[]> refusing(String key, RuntimeException refusal) {
        return new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer()) {
            @Override
            public synchronized Future<RecordMetadata> send(ProducerRecord<String, byte[]> record, Callback callback) {
                if (!key.equals(record.key())) {
                    return super.send(record, callback);
                }
                callback.onCompletion(null, refusal);
                return CompletableFuture.failedFuture(refusal);
            }
        };
    }

    private static SourceRecord heartbeat() {
        Schema keySchema = SchemaBuilder.struct().field("serverName", Schema.STRING_SCHEMA).build();
        return new SourceRecord(Map.of(), Map.of(), "__debezium-heartbeat.relay", keySchema,
                new Struct(keySchema).put("serverName", "relay"), null, null);
    }

    private static final class RecordingDeadLetters extends DeadLetterStore {

        final List<DeadLetter> stored = new ArrayList<>();

        RecordingDeadLetters() {
            super(null);
        }

        @Override
        void storeAll(List<DeadLetter> letters) {
            stored.addAll(letters);
        }
    }

    private static final class RecordingCheckpoint extends RelayCheckpoint {

        Instant latest;

        RecordingCheckpoint() {
            super(null, "slot", Duration.ofSeconds(1), null, Clock.systemUTC());
        }

        @Override
        synchronized void acknowledged(Instant position) {
            latest = position;
        }
    }

    private static SourceRecord routed(String topic, String key, byte[] payload, String traceparent) {
        SourceRecord record = new SourceRecord(Map.of(), Map.of(), topic, Schema.STRING_SCHEMA, key, Schema.BYTES_SCHEMA, payload);
        record.headers().addString("id", "0190f5a4-7b7e-7c3e-9a51-5f0c2d7e8a12");
        record.headers().addString("eventId", "0190f5a4-7b7e-7c3e-9a51-5f0c2d7e8a12");
        record.headers().addString("eventType", "OrderPaid");
        record.headers().addString("businessId", "0190f5a4-7b7e-7c3e-9a51-5f0c2d7e8a11");
        record.headers().addString("traceparent", traceparent);
        record.headers().addString("__debezium.context.connectorName", "postgresql");
        record.headers().addString("__debezium.context.taskId", "0");
        return record;
    }

    private static ChangeEvent<SourceRecord, SourceRecord> event(String key) {
        return change(routed("commerce.orders", key, AVRO, null));
    }

    private static ChangeEvent<SourceRecord, SourceRecord> change(SourceRecord record) {
        return new ChangeEvent<>() {
            @Override
            public SourceRecord key() {
                return record;
            }

            @Override
            public SourceRecord value() {
                return record;
            }

            @Override
            public String destination() {
                return record.topic();
            }

            @Override
            public Integer partition() {
                return null;
            }
        };
    }

    private static final class RecordingCommitter implements DebeziumEngine.RecordCommitter<ChangeEvent<SourceRecord, SourceRecord>> {

        final List<ChangeEvent<SourceRecord, SourceRecord>> processed = new ArrayList<>();
        boolean finished;

        @Override
        public void markProcessed(ChangeEvent<SourceRecord, SourceRecord> record) {
            processed.add(record);
        }

        @Override
        public void markBatchFinished() {
            finished = true;
        }

        @Override
        public void markProcessed(ChangeEvent<SourceRecord, SourceRecord> record, DebeziumEngine.Offsets offsets) {
            processed.add(record);
        }

        @Override
        public DebeziumEngine.Offsets buildOffsets() {
            // The forwarder never rewrites offsets; a call here would be a bug worth failing on.
            throw new UnsupportedOperationException();
        }
    }
}
