package com.sellavie.platform.kafka;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
 * calls replayed (its position is committed under the consumer group {@code <dlt>.replayer}),
 * optionally only what was dead-lettered since a given instant. {@link #list} and {@link #summary}
 * show operators what a topic holds (never the payloads) and what the next replay would send.
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
    private final Map<String, Object> locks = new ConcurrentHashMap<>();

    DeadLetterReplayer(Map<String, Object> consumerConfigs, KafkaTemplate<byte[], byte[]> rawTemplate,
            Duration timeout) {
        this.consumerConfigs = consumerConfigs;
        this.rawTemplate = rawTemplate;
        this.timeout = timeout;
    }

    /** Replays every record {@code deadLetterTopic} holds now that was not replayed before; returns how many. */
    public int replay(String deadLetterTopic) {
        return replay(deadLetterTopic, null).replayed();
    }

    /**
     * Replays what {@code deadLetterTopic} holds now after earlier replays, but only records
     * dead-lettered at or after {@code since} (all of them when null). Older ones are skipped: the
     * replayer's position moves past them, so a later replay does not pick them up either (they stay
     * in the topic and in {@link #list}, as not pending).
     */
    public Replay replay(String deadLetterTopic, Instant since) {
        // Two replays of one topic at once (two operators) would send the same records twice.
        synchronized (locks.computeIfAbsent(deadLetterTopic, topic -> new Object())) {
            return replayNow(deadLetterTopic, since);
        }
    }

    private Replay replayNow(String deadLetterTopic, Instant since) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(configsFor(deadLetterTopic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            if (partitions.isEmpty()) {
                return new Replay(0, 0);
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            int replayed = 0;
            int skipped = 0;
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
                    if (since != null && record.timestamp() < since.toEpochMilli()) {
                        skipped++;
                    } else {
                        republish(record);
                        replayed++;
                    }
                    done.put(new TopicPartition(record.topic(), record.partition()),
                            new OffsetAndMetadata(record.offset() + 1));
                }
                if (!done.isEmpty()) {
                    consumer.commitSync(done);
                }
            }
            if (since == null) {
                log.info("Replayed {} records from {}", replayed, deadLetterTopic);
            } else {
                log.info("Replayed {} records from {} dead-lettered since {}; skipped {} older ones", replayed,
                        deadLetterTopic, since, skipped);
            }
            return new Replay(replayed, skipped);
        }
    }

    /** How many records {@code deadLetterTopic} holds, and how many of them the next replay would send. */
    public Summary summary(String deadLetterTopic) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(configsFor(deadLetterTopic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            if (partitions.isEmpty()) {
                return new Summary(deadLetterTopic, 0, 0);
            }
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer, partitions);
            long records = 0;
            long pending = 0;
            for (TopicPartition partition : partitions) {
                long first = begin.get(partition);
                long last = end.get(partition);
                records += last - first;
                pending += last - Math.max(first, replayedUpTo.getOrDefault(partition, first));
            }
            return new Summary(deadLetterTopic, records, pending);
        }
    }

    /**
     * The newest {@code limit} records of {@code deadLetterTopic} (dead-lettered at or after {@code since},
     * when given), oldest first: where each is, what it was and why it failed. Never the payload.
     */
    public List<DeadLetter> list(String deadLetterTopic, Instant since, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be at least 1, was " + limit);
        }
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(configsFor(deadLetterTopic),
                new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = partitions(consumer, deadLetterTopic);
            if (partitions.isEmpty()) {
                return List.of();
            }
            consumer.assign(partitions);
            Map<TopicPartition, Long> begin = consumer.beginningOffsets(partitions, timeout);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, timeout);
            Map<TopicPartition, Long> replayedUpTo = replayedUpTo(consumer, partitions);
            Map<TopicPartition, Long> fromTime = since == null ? Map.of() : firstOffsetsAt(consumer, partitions, since);
            for (TopicPartition partition : partitions) {
                long start = Math.max(begin.get(partition), end.get(partition) - limit);
                start = Math.max(start, fromTime.getOrDefault(partition, start));
                consumer.seek(partition, Math.min(start, end.get(partition)));
            }
            List<DeadLetter> found = new ArrayList<>();
            Instant deadline = Instant.now().plus(timeout);
            while (!reachedEnd(consumer, end)) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Listing " + deadLetterTopic + " did not reach the end within "
                            + timeout);
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    TopicPartition partition = new TopicPartition(record.topic(), record.partition());
                    if (record.offset() < end.get(partition)
                            && (since == null || record.timestamp() >= since.toEpochMilli())) {
                        found.add(DeadLetter.of(record,
                                record.offset() >= replayedUpTo.getOrDefault(partition, 0L)));
                    }
                }
            }
            found.sort(Comparator.comparing(DeadLetter::timestamp).thenComparing(DeadLetter::partition)
                    .thenComparing(DeadLetter::offset));
            return List.copyOf(found.subList(Math.max(0, found.size() - limit), found.size()));
        }
    }

    private List<TopicPartition> partitions(KafkaConsumer<?, ?> consumer, String topic) {
        return consumer.partitionsFor(topic, timeout).stream()
                .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
    }

    /** The replayer group's committed position per partition: records before it were replayed or skipped. */
    private Map<TopicPartition, Long> replayedUpTo(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions) {
        Map<TopicPartition, Long> positions = new HashMap<>();
        consumer.committed(Set.copyOf(partitions), timeout).forEach((partition, committed) -> {
            if (committed != null) {
                positions.put(partition, committed.offset());
            }
        });
        return positions;
    }

    private Map<TopicPartition, Long> firstOffsetsAt(KafkaConsumer<?, ?> consumer, List<TopicPartition> partitions,
            Instant since) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(partition -> query.put(partition, since.toEpochMilli()));
        Map<TopicPartition, Long> offsets = new HashMap<>();
        consumer.offsetsForTimes(query, timeout).forEach((partition, found) ->
                offsets.put(partition, found == null ? Long.MAX_VALUE : found.offset()));
        return offsets;
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

    /** What a replay did: records republished, and records skipped as older than its {@code since}. */
    public record Replay(int replayed, int skipped) {
    }

    /**
     * A dead-letter topic's size: {@code records} it holds, {@code pending} of them after the
     * replayer's position (what the next replay would send).
     */
    public record Summary(String deadLetterTopic, long records, long pending) {
    }

    /**
     * One dead-lettered record as an operator sees it, without its payload: its place in the
     * dead-letter topic, the event headers the relay set, where it came from, and why its consumer
     * gave up ({@code pending}: not replayed or skipped yet).
     */
    public record DeadLetter(int partition, long offset, Instant timestamp, String key, String eventId,
            String eventType, String businessId, String originalTopic, Integer originalPartition, Long originalOffset,
            String consumerGroup, String exceptionClass, String causeClass, String exceptionMessage,
            boolean pending) {

        private static final int MAX_MESSAGE = 2000;

        static DeadLetter of(ConsumerRecord<byte[], byte[]> record, boolean pending) {
            String message = text(record, KafkaHeaders.DLT_EXCEPTION_MESSAGE);
            if (message != null && message.length() > MAX_MESSAGE) {
                message = message.substring(0, MAX_MESSAGE) + "…";
            }
            return new DeadLetter(record.partition(), record.offset(), Instant.ofEpochMilli(record.timestamp()),
                    record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                    text(record, "eventId"), text(record, "eventType"), text(record, "businessId"),
                    text(record, KafkaHeaders.DLT_ORIGINAL_TOPIC),
                    number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION) == null ? null
                            : number(record, KafkaHeaders.DLT_ORIGINAL_PARTITION).intValue(),
                    number(record, KafkaHeaders.DLT_ORIGINAL_OFFSET),
                    text(record, KafkaHeaders.DLT_ORIGINAL_CONSUMER_GROUP),
                    text(record, KafkaHeaders.DLT_EXCEPTION_FQCN), text(record, KafkaHeaders.DLT_EXCEPTION_CAUSE_FQCN),
                    message, pending);
        }

        private static String text(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
        }

        /** Spring Kafka writes the original partition as 4 bytes and the offset as 8 (big-endian). */
        private static Long number(ConsumerRecord<?, ?> record, String name) {
            Header header = record.headers().lastHeader(name);
            if (header == null || header.value() == null) {
                return null;
            }
            byte[] value = header.value();
            return switch (value.length) {
                case 4 -> (long) ByteBuffer.wrap(value).getInt();
                case 8 -> ByteBuffer.wrap(value).getLong();
                default -> null;
            };
        }
    }
}
