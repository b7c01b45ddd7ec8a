package com.sellavie.platform.relay;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.InvalidRecordException;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.errors.InvalidTopicException;
import org.apache.kafka.common.errors.RecordBatchTooLargeException;
import org.apache.kafka.common.errors.RecordTooLargeException;
import org.apache.kafka.common.errors.RetriableException;
import org.apache.kafka.common.errors.SerializationException;
import org.apache.kafka.common.errors.TopicAuthorizationException;
import org.apache.kafka.common.errors.UnknownTopicOrPartitionException;

/**
 * Sends records and waits for every acknowledgement, sorting the failures: a record Kafka refuses for good
 * (too large, invalid topic, not authorised, unserialisable, a topic the broker says it does not have) is
 * returned as refused, so the caller can keep it aside and go on; any other failure (timeouts, unreachable
 * brokers, leader changes...) fails the whole round, to be retried. The wait gives up as soon as {@code abandon}
 * says so (the relay is stopping): the unacknowledged records are simply not marked and are sent again later.
 */
final class KafkaDelivery {

    private static final long ACK_POLL_MILLIS = 100;

    private KafkaDelivery() {
    }

    /** A record Kafka will never take, with why. */
    record Refused(ProducerRecord<String, byte[]> record, Throwable cause) {
    }

    static List<Refused> sendAll(Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records,
            BooleanSupplier abandon) throws InterruptedException {
        return sendAll(producer, records, MissingTopics.NONE, abandon);
    }

    static List<Refused> sendAll(Producer<String, byte[]> producer, List<ProducerRecord<String, byte[]>> records,
            MissingTopics missingTopics, BooleanSupplier abandon) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(records.size());
        for (ProducerRecord<String, byte[]> record : records) {
            if (abandon.getAsBoolean()) {
                throw new RelayException("Relay stopping: batch abandoned unacknowledged, it will be sent again");
            }
            acks.add(send(producer, record));
        }
        List<Refused> refused = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> failed = new ArrayList<>();
        for (int i = 0; i < acks.size(); i++) {
            Throwable failure = await(acks.get(i), abandon);
            if (failure == null) {
                continue;
            }
            if (isPermanent(failure)) {
                refused.add(new Refused(records.get(i), failure));
            } else {
                failed.add(records.get(i));
            }
        }
        // The producer splits a batch the broker found too large by its own batch.size, not by the topic's
        // max.message.bytes: a record too large for its topic can keep its whole producer batch failing until
        // it expires (a timeout). Each failed record is therefore sent once more on its own (nothing else is
        // in flight now), so such a record is refused by itself and the others go through.
        Map<String, Boolean> missing = new HashMap<>();
        for (ProducerRecord<String, byte[]> record : failed) {
            if (Boolean.TRUE.equals(missing.get(record.topic()))) {
                // Already confirmed in this batch: sending again would only wait for the metadata once more.
                refused.add(topicMissing(record, null));
                continue;
            }
            Throwable failure = await(send(producer, record), abandon);
            if (failure == null) {
                continue;
            }
            if (mayBeMissingTopic(failure) && isConfirmedMissing(record.topic(), missingTopics, missing)) {
                refused.add(topicMissing(record, failure));
                continue;
            }
            if (!isPermanent(failure)) {
                // The engine stops on this and restarts from the stored offsets: nothing of the batch is marked.
                throw new RelayException("Kafka did not acknowledge an outbox event: " + failure, failure);
            }
            refused.add(new Refused(record, failure));
        }
        return refused;
    }

    private static Refused topicMissing(ProducerRecord<String, byte[]> record, Throwable failure) {
        return new Refused(record, new UnknownTopicOrPartitionException("Topic " + record.topic()
                + " does not exist (the broker creates none: provision it, then replay)", failure));
    }

    /** How a send to a topic the broker does not have fails: the producer waited for its metadata in vain. */
    private static boolean mayBeMissingTopic(Throwable failure) {
        return failure instanceof org.apache.kafka.common.errors.TimeoutException
                || failure instanceof UnknownTopicOrPartitionException;
    }

    /** Asked once per topic per batch. */
    private static boolean isConfirmedMissing(String topic, MissingTopics missingTopics, Map<String, Boolean> asked)
            throws InterruptedException {
        Boolean known = asked.get(topic);
        if (known == null) {
            known = missingTopics.confirmed(topic);
            asked.put(topic, known);
        }
        return known;
    }

    /** Refused for good: sending the same bytes again can never succeed without someone changing something. */
    static boolean isPermanent(Throwable failure) {
        if (failure instanceof RetriableException) {
            return false;
        }
        return failure instanceof RecordTooLargeException
                || failure instanceof RecordBatchTooLargeException
                || failure instanceof InvalidTopicException
                || failure instanceof TopicAuthorizationException
                || failure instanceof SerializationException
                || failure instanceof InvalidRecordException;
    }

    /**
     * Through the callback rather than send()'s future: a batch the producer keeps splitting chains its
     * futures, and get() on a long chain recurses until the stack overflows.
     */
    private static Future<RecordMetadata> send(Producer<String, byte[]> producer, ProducerRecord<String, byte[]> record) {
        CompletableFuture<RecordMetadata> ack = new CompletableFuture<>();
        try {
            producer.send(record, (metadata, error) -> {
                if (error != null) {
                    ack.completeExceptionally(error);
                } else {
                    ack.complete(metadata);
                }
            });
        } catch (KafkaException e) {
            // send() reports most failures through the callback; a few (serialisation, a closed producer) throw.
            ack.completeExceptionally(e);
        }
        return ack;
    }

    private static Throwable await(Future<RecordMetadata> ack, BooleanSupplier abandon) throws InterruptedException {
        while (true) {
            try {
                ack.get(ACK_POLL_MILLIS, TimeUnit.MILLISECONDS);
                return null;
            } catch (ExecutionException e) {
                return e.getCause();
            } catch (TimeoutException e) {
                if (abandon.getAsBoolean()) {
                    throw new RelayException("Relay stopping: batch abandoned unacknowledged, it will be sent again");
                }
            }
        }
    }
}
