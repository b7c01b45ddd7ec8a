package com.sellavie.platform.kafka;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;

/**
 * Republishes the records of a dead-letter topic to the topics they came from, byte for byte with
 * their original headers (the dead-letter headers dropped, a {@value #REPLAYED_FROM_HEADER} header
 * added). Consumers are idempotent, so a replayed event that one consumer group had already applied
 * changes nothing for it.
 *
 * <p>Each call replays what the dead-letter topic holds at that moment, starting after what earlier
 * calls replayed (its position is committed under the consumer group {@code <dlt>.replayer}).
 */
public class DeadLetterReplayer {

    /** Where a replayed record was, as {@code <dlt>-<partition>@<offset>}. */
    public static final String REPLAYED_FROM_HEADER = "sellavie_replayed_from";

    private static final Logger log = LoggerFactory.getLogger(DeadLetterReplayer.class);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(30);

    private final Map<String, Object> consumerConfigs;
    private final KafkaTemplate<byte[], byte[]> rawTemplate;
    private final Duration timeout;

    DeadLetterReplayer(Map<String, Object> consumerConfigs, KafkaTemplate<byte[], byte[]> rawTemplate,
            Duration timeout) {
        this.consumerConfigs = consumerConfigs;
        this.rawTemplate = rawTemplate;
        this.timeout = timeout;
    }

    /** Replays every record {@code deadLetterTopic} holds now that was not replayed before; returns how many. */
    public int replay(String deadLetterTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(configsFor(deadLetterTopic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(deadLetterTopic, timeout).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            if (partitions.isEmpty()) {
                return 0;
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            int replayed = 0;
            Instant deadline = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Replay of " + deadLetterTopic + " did not reach the end within "
                            + timeout + "; " + replayed + " records replayed so far");
                }
                Map<TopicPartition, OffsetAndMetadata> done = new HashMap<>();
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() >= end.get(new TopicPartition(record.topic(), record.partition()))) {
                        continue;
                    }
                    republish(record);
                    replayed++;
                    done.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            log.info("Replayed {} records from {}", replayed, deadLetterTopic);
            return replayed;
        }
    }

    private static boolean reachedEnd(KafkaConsumer<?, ?> consumer, Map<TopicPartition, Long> end) {
        return end.entrySet().stream().allMatch(e -> consumer.position(e.getKey()) >= e.getValue());
    }

    private void republish(ConsumerRecord<byte[], byte[]> record) {
        Header origin = record.headers().lastHeader(KafkaHeaders.DLT_ORIGINAL_TOPIC);
        if (origin == null) {
            throw new IllegalStateException("Dead-letter record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + KafkaHeaders.DLT_ORIGINAL_TOPIC + " header");
        }
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (!header.key().startsWith("kafka_dlt-") && !header.key().startsWith("springDeserializerException")) {
                headers.add(header);
            }
        }
        headers.add(REPLAYED_FROM_HEADER, (record.topic() + "-" + record.partition() + "@" + record.offset())
                .getBytes(StandardCharsets.UTF_8));
        String topic = new String(origin.value(), StandardCharsets.UTF_8);
        try {
            rawTemplate.send(new ProducerRecord<>(topic, null, record.key(), record.value(), headers))
                    .get(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while replaying to " + topic, e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("Could not replay " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " to " + topic, e);
        }
    }

    private Map<String, Object> configsFor(String deadLetterTopic) {
        Map<String, Object> configs = new HashMap<>();
        consumerConfigs.forEach((key, value) -> {
            if (!key.startsWith("apicurio.") && !key.startsWith("spring.deserializer.")) {
                configs.put(key, value);
            }
        });
        configs.put(ConsumerConfig.GROUP_ID_CONFIG, deadLetterTopic + ".replayer");
        configs.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        configs.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        configs.remove(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG);
        configs.remove(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG);
        return configs;
    }
}
