package com.sellavie.schemas.bench;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventFixtures;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import com.sellavie.schemas.serde.EventDeserializer;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import org.apache.avro.Schema;
import org.apache.avro.io.BinaryDecoder;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Encode + decode of one event: through the Apicurio serde against the real registry (ids cached after
 * the first call, as in a running service), through plain Avro binary, and as JSON with Jackson.
 * Run with the {@code bench} profile (schemas/README.md).
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SerdeBenchmark {

    private static final Logger log = LoggerFactory.getLogger(SerdeBenchmark.class);

    /** The event under test: the most frequent one, and the one with nested records and a union array. */
    @State(Scope.Benchmark)
    public static class Event {

        @Param({"MessageRecorded", "ReplyGenerated"})
        public String type;

        SpecificRecord event;
        Class<? extends SpecificRecord> eventClass;
        String topic;

        @Setup(Level.Trial)
        public void build() {
            eventClass = "MessageRecorded".equals(type) ? MessageRecorded.class : ReplyGenerated.class;
            event = EventFixtures.sample(eventClass);
            topic = Topics.of(eventClass).name();
        }
    }

    /** Apicurio serde in Sellavie's configuration, against a real registry started for the trial. */
    @State(Scope.Benchmark)
    public static class Serde {

        AvroKafkaSerializer<SpecificRecord> serializer;
        EventDeserializer deserializer;

        @Setup(Level.Trial)
        public void connect(Event e) {
            String registry = TestSchemaRegistry.baseUrl();
            SchemaRegistrar.registerAll(registry, Topics.ALL);
            serializer = RegistryClients.serializer(EventSerdeConfig.serializer(registry, false));
            deserializer = new EventDeserializer();
            deserializer.configure(EventSerdeConfig.deserializer(registry), false);
            byte[] bytes = serializer.serialize(e.topic, e.event);
            log.info("{} bytes per {} through the serde (5-byte header + Avro binary)", bytes.length, e.type);
            if (!e.event.equals(deserializer.deserialize(e.topic, bytes))) {
                throw new IllegalStateException("serde round trip changed the event");
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            serializer.close();
            deserializer.close();
        }
    }

    /** Avro binary with the generated class's own writer and reader, no header, no registry. */
    @State(Scope.Thread)
    public static class PlainAvro {

        SpecificDatumWriter<SpecificRecord> writer;
        SpecificDatumReader<SpecificRecord> reader;
        BinaryEncoder encoder;
        BinaryDecoder decoder;

        @Setup(Level.Trial)
        public void build(Event e) throws IOException {
            Schema schema = SpecificData.get().getSchema(e.eventClass);
            writer = new SpecificDatumWriter<>(schema);
            reader = new SpecificDatumReader<>(schema);
            log.info("{} bytes per {} as plain Avro binary", encode(e.event).length, e.type);
        }

        byte[] encode(SpecificRecord event) throws IOException {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            encoder = EncoderFactory.get().binaryEncoder(out, encoder);
            writer.write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        }

        SpecificRecord decode(byte[] bytes) throws IOException {
            decoder = DecoderFactory.get().binaryDecoder(bytes, decoder);
            return reader.read(null, decoder);
        }
    }

    /** The same generated object as JSON through Jackson databind (Avro's own accessors hidden). */
    @State(Scope.Benchmark)
    public static class Json {

        ObjectMapper mapper;

        @Setup(Level.Trial)
        public void build(Event e) throws IOException {
            mapper = new ObjectMapper()
                    .registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                    .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .addMixIn(SpecificRecord.class, HideAvroAccessors.class)
                    .addMixIn(org.apache.avro.specific.SpecificRecordBase.class, HideAvroAccessors.class);
            log.info("{} bytes per {} as JSON", mapper.writeValueAsBytes(e.event).length, e.type);
        }
    }

    abstract static class HideAvroAccessors {
        @JsonIgnore
        abstract Schema getSchema();

        @JsonIgnore
        abstract SpecificData getSpecificData();
    }

    @Benchmark
    public Object apicurioSerde(Event e, Serde serde) {
        return serde.deserializer.deserialize(e.topic, serde.serializer.serialize(e.topic, e.event));
    }

    @Benchmark
    public Object plainAvro(Event e, PlainAvro avro) throws IOException {
        return avro.decode(avro.encode(e.event));
    }

    @Benchmark
    public Object jacksonJson(Event e, Json json) throws IOException {
        return json.mapper.readValue(json.mapper.writeValueAsBytes(e.event), e.eventClass);
    }
}
