package com.sellavie.systemtests.containers;

import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.schemas.EventHeaders;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * The test's side of Kafka, with the services' wire format (Confluent framing: magic byte, the registry's
 * 4-byte schema id, Avro binary; schemas registered through the registry's Confluent-compatible API):
 * publishing the ChannelConnected that conversation-service would, and reading what ingest's relay
 * published to {@code ingest.inbound-messages}.
 */
final class KafkaEvents {

    private final String bootstrap;
    private final String registryUrl;

    KafkaEvents(String bootstrap, String registryUrl) {
        this.bootstrap = bootstrap;
        this.registryUrl = registryUrl;
    }

    /** Publishes that a business connected this Instagram account (what ingest routes DMs by). */
    void channelConnected(UUID businessId, String instagramAccountId) {
        UUID eventId = UUID.randomUUID();
        ChannelConnected event = ChannelConnected.newBuilder()
                .setEventId(eventId).setOccurredAt(Instant.now()).setBusinessId(businessId)
                .setCorrelationId(eventId.toString()).setCausationId(null).setChannelId(UUID.randomUUID())
                .setChannelType("INSTAGRAM").setExternalId(instagramAccountId).setName("linen.house")
                .setPageId("1020304050").build();
        String topic = Topics.CONVERSATION_CHANNELS.name();
        long schemaId = new SchemaRegistrar(registryUrl).register(
                Topics.CONVERSATION_CHANNELS.subjectFor(ChannelConnected.class), ChannelConnected.getClassSchema());
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config, new ByteArraySerializer(),
                new ByteArraySerializer())) {
            ProducerRecord<byte[], byte[]> record = new ProducerRecord<>(topic,
                    event.getChannelId().toString().getBytes(StandardCharsets.UTF_8), encode(schemaId, event));
            record.headers().add(EventHeaders.EVENT_ID, eventId.toString().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.EVENT_TYPE,
                    ChannelConnected.getClassSchema().getFullName().getBytes(StandardCharsets.UTF_8));
            record.headers().add(EventHeaders.BUSINESS_ID, businessId.toString().getBytes(StandardCharsets.UTF_8));
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish ChannelConnected", e);
        }
    }

    /** Every InboundMessageReceived on the topic so far, by Meta message id: the event ids seen and records read. */
    static final class Inbound {
        final Map<String, Set<UUID>> eventIdsByMid = new HashMap<>();
        final Map<String, Integer> recordsByMid = new HashMap<>();
    }

    /** Reads ingest.inbound-messages from the start until every one of {@code mids} was seen or time runs out. */
    Inbound readInbound(List<String> mids, Duration timeout) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "containers-it-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        Inbound inbound = new Inbound();
        SpecificDatumReader<InboundMessageReceived> reader = new SpecificDatumReader<>(InboundMessageReceived.class);
        Set<String> missing = new HashSet<>(mids);
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(config, new ByteArrayDeserializer(),
                new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(Topics.INGEST_INBOUND_MESSAGES.name()));
            while (System.nanoTime() < deadline && !missing.isEmpty()) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    InboundMessageReceived event = decode(reader, record.value());
                    String mid = event.getExternalMessageId();
                    inbound.eventIdsByMid.computeIfAbsent(mid, m -> new HashSet<>()).add(event.getEventId());
                    inbound.recordsByMid.merge(mid, 1, Integer::sum);
                    missing.remove(mid);
                }
            }
        }
        return inbound;
    }

    private static InboundMessageReceived decode(SpecificDatumReader<InboundMessageReceived> reader, byte[] value) {
        try {
            // Skip the Confluent framing (magic byte + schema id): the writer schema is the generated class's.
            return reader.read(null, DecoderFactory.get().binaryDecoder(value, 5, value.length - 5, null));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] encode(long schemaId, SpecificRecord event) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(256);
        out.write(0);
        out.writeBytes(ByteBuffer.allocate(4).putInt((int) schemaId).array());
        BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
        try {
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
