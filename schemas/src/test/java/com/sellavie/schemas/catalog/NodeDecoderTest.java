package com.sellavie.schemas.catalog;

import static com.sellavie.platform.test.UnansweredLookups.retried;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventFixtures;
import com.sellavie.schemas.EventHeaders;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topic;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import com.sellavie.schemas.serde.EventSerdes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A non-JVM consumer decodes real records: events written to Kafka as the services write them (Apicurio's
 * serializer, the relay's headers, the aggregate id as key) are read back by the catalog's Node decoder
 * (kafkajs + avsc), which knows nothing but the registry's Confluent-compatible API.
 */
class NodeDecoderTest {

    private static final Path DECODER = Path.of("..", "infra", "catalog", "decode").toAbsolutePath().normalize();
    private static final Path LOGS = Path.of("target", "node-decoder").toAbsolutePath();
    private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    private static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void installDecoder() throws Exception {
        Files.createDirectories(LOGS);
        if (!installed("avsc") || !installed("kafkajs")) {
            Process npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund").directory(DECODER.toFile())
                    .redirectErrorStream(true).redirectOutput(LOGS.resolve("npm-ci.log").toFile()).start();
            assertThat(npm.waitFor(5, TimeUnit.MINUTES)).as("npm ci in %s finished", DECODER).isTrue();
            assertThat(npm.exitValue()).as("npm ci in %s: %s", DECODER, Files.readString(LOGS.resolve("npm-ci.log")))
                    .isZero();
        }
    }

    @Test
    void nodeDecodesRealRecordsWithOnlyTheConfluentCompatibleApi() throws Exception {
        // Given two events on their topics, as a service publishes them (ids registered at start-up)
        Map<String, Long> ids = SchemaRegistrar.registerAll(TestSchemaRegistry.baseUrl(), Topics.ALL);
        MessageRecorded message = EventFixtures.sample(MessageRecorded.class);
        ReplyGenerated reply = EventFixtures.sample(ReplyGenerated.class);
        publish(Topics.CONVERSATION_MESSAGES, message, message.getConversationId().toString());
        publish(Topics.AI_REPLIES, reply, reply.getConversationId().toString());

        // When the Node decoder reads both topics
        Map<String, JsonNode> decoded = decodeWithNode(2, Topics.CONVERSATION_MESSAGES, Topics.AI_REPLIES);

        // Then it has key, headers, the registered schema and every value, with nothing but HTTP and avsc
        JsonNode recorded = decoded.get(Topics.CONVERSATION_MESSAGES.name());
        assertThat(recorded.path("key").asText()).isEqualTo(message.getConversationId().toString());
        assertThat(recorded.path("headers").path(EventHeaders.EVENT_TYPE).asText()).isEqualTo("MessageRecorded");
        assertThat(recorded.path("headers").path(EventHeaders.EVENT_ID).asText()).isEqualTo(message.getEventId().toString());
        assertThat(recorded.path("headers").path(EventHeaders.BUSINESS_ID).asText())
                .isEqualTo(EventFixtures.BUSINESS.toString());
        assertThat(recorded.path("headers").path(EventHeaders.TRACEPARENT).asText()).isEqualTo(TRACEPARENT);
        assertThat(recorded.path("schemaId").asLong())
                .isEqualTo(ids.get(Topics.CONVERSATION_MESSAGES.subjectFor(MessageRecorded.class)));
        assertThat(recorded.path("schema").asText()).isEqualTo(MessageRecorded.getClassSchema().getFullName());
        JsonNode value = recorded.path("value");
        assertThat(value.path("eventId").asText()).isEqualTo(message.getEventId().toString());
        assertThat(value.path("businessId").asText()).isEqualTo(EventFixtures.BUSINESS.toString());
        assertThat(Instant.parse(value.path("occurredAt").asText())).isEqualTo(message.getOccurredAt());
        assertThat(value.path("causationId").asText()).isEqualTo(message.getCausationId());
        assertThat(value.path("text").asText()).isEqualTo(message.getText());
        assertThat(value.path("direction").asText()).isEqualTo("INBOUND");
        assertThat(Instant.parse(value.path("sentAt").asText())).isEqualTo(message.getSentAt());

        JsonNode generated = decoded.get(Topics.AI_REPLIES.name());
        assertThat(generated.path("schemaId").asLong()).isEqualTo(ids.get(Topics.AI_REPLIES.subjectFor(ReplyGenerated.class)));
        assertThat(generated.path("value").path("text").asText()).isEqualTo(reply.getText());
        JsonNode actions = generated.path("value").path("actions");
        assertThat(actions).hasSize(reply.getActions().size());
        JsonNode checkout = actions.get(0).path("com.sellavie.events.ai.CheckoutAction");
        assertThat(checkout.path("items").get(0).path("sku").asText()).isEqualTo("ANK-BLUE-M");
        assertThat(checkout.path("items").get(0).path("quantity").asInt()).isEqualTo(2);
        assertThat(actions.get(1).path("com.sellavie.events.ai.HandoffAction").path("reason").asText())
                .isEqualTo("customer asked for a custom size");
    }

    /** What the relay does with an outbox row: the serializer's bytes, keyed by aggregate, with its headers. */
    private static void publish(Topic topic, SpecificRecord event, String key) {
        Properties config = producerConfig();
        EventMetadata metadata = EventMetadata.of(event);
        RecordHeaders headers = new RecordHeaders();
        header(headers, EventHeaders.EVENT_ID, metadata.eventId().toString());
        header(headers, EventHeaders.EVENT_TYPE, EventMetadata.eventType(event));
        header(headers, EventHeaders.BUSINESS_ID, metadata.businessId().toString());
        header(headers, EventHeaders.TRACEPARENT, TRACEPARENT);
        try (EventSerdes serdes = EventSerdes.connect(TestSchemaRegistry.baseUrl());
                Serializer<SpecificRecord> serializer = serdes.serializer();
                KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                        new ByteArraySerializer())) {
            byte[] value = retried(() -> serializer.serialize(topic.name(), event));
            producer.send(new ProducerRecord<>(topic.name(), null, key, value, headers)).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + topic.name(), e);
        }
    }

    private static void header(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aRecordNotInTheWireFormatStopsTheDecoderNamingItsPosition() throws Exception {
        // Given a record that is not Confluent-framed Avro (magic byte 1)
        String topic = "test.catalog-garbage-" + UUID.randomUUID();
        Properties config = producerConfig();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(config, new StringSerializer(),
                new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(topic, 0, "k", new byte[] {1, 0, 0, 0, 7, 2, 4})).get(30, TimeUnit.SECONDS);
        }

        // When the decoder reads it
        NodeRun run = runDecoder(1, List.of(topic));

        // Then it stops with exit code 1, naming the record and what is wrong, and prints nothing for it
        assertThat(run.exitCode()).as("exit code; stderr: %s", run.stderr()).isEqualTo(1);
        assertThat(run.stderr()).contains(topic + "-0@0").contains("not the Confluent wire format");
        assertThat(run.stdout()).isEmpty();
    }

    /** Runs decode.js until it has printed {@code count} records; topic name to the record it printed. */
    private static Map<String, JsonNode> decodeWithNode(int count, Topic... topics) throws IOException, InterruptedException {
        List<String> names = new ArrayList<>();
        for (Topic topic : topics) {
            names.add(topic.name());
        }
        NodeRun run = runDecoder(count, names);
        assertThat(run.exitCode()).as("decode.js exit; stderr: %s", run.stderr()).isZero();
        Map<String, JsonNode> byTopic = new HashMap<>();
        for (String line : run.stdout().lines().toList()) {
            JsonNode record = JSON.readTree(line);
            byTopic.put(record.path("topic").asText(), record);
        }
        assertThat(byTopic).as("records decode.js printed").containsOnlyKeys(names);
        return byTopic;
    }

    private record NodeRun(int exitCode, String stdout, String stderr) {
    }

    private static NodeRun runDecoder(int count, List<String> topics) throws IOException, InterruptedException {
        Path stdout = LOGS.resolve("decode.out");
        Path stderr = LOGS.resolve("decode.err");
        Process node = new ProcessBuilder("node", "decode.js",
                "--brokers", TestKafka.bootstrapServers(),
                "--registry", TestSchemaRegistry.confluentApiUrl(),
                "--topic", String.join(",", topics),
                "--max", Integer.toString(count),
                "--timeout-ms", "60000")
                .directory(DECODER.toFile())
                .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        boolean exited = node.waitFor(90, TimeUnit.SECONDS);
        if (!exited) {
            node.destroyForcibly();
        }
        assertThat(exited).as("decode.js finished; stderr: %s", Files.readString(stderr)).isTrue();
        return new NodeRun(node.exitValue(), Files.readString(stdout), Files.readString(stderr));
    }

    private static Properties producerConfig() {
        Properties config = new Properties();
        config.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers());
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        return config;
    }

    private static boolean installed(String module) throws IOException {
        Path installed = DECODER.resolve("node_modules").resolve(module).resolve("package.json");
        if (!Files.exists(installed)) {
            return false;
        }
        JsonNode locked = JSON.readTree(DECODER.resolve("package-lock.json").toFile())
                .path("packages").path("node_modules/" + module).path("version");
        return JSON.readTree(installed.toFile()).path("version").asText().equals(locked.asText());
    }
}
