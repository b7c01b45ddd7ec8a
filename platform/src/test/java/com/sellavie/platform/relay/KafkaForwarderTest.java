package com.sellavie.platform.relay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.MockProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
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

        new KafkaForwarder(kafka, new RelayStatus(Clock.systemUTC())).handleBatch(batch, committer);

        assertThat(kafka.history()).hasSize(2);
        assertThat(committer.processed).containsExactlyElementsOf(batch);
        assertThat(committer.finished).isTrue();
    }

    @Test
    void batchKafkaRefusedIsNeitherMarkedProcessedNorFinished() {
        MockProducer<String, byte[]> kafka = new MockProducer<>(true, null, new StringSerializer(), new ByteArraySerializer());
        kafka.sendException = new TimeoutException("broker unavailable");
        RecordingCommitter committer = new RecordingCommitter();

        assertThatThrownBy(() -> new KafkaForwarder(kafka, new RelayStatus(Clock.systemUTC()))
                .handleBatch(List.of(event("a")), committer)).isInstanceOf(RuntimeException.class);

        assertThat(committer.processed).isEmpty();
        assertThat(committer.finished).isFalse();
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
        SourceRecord record = routed("commerce.orders", key, AVRO, null);
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
