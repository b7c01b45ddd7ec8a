package com.sellavie.platform.kafka;

import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.testservice.TestEvents;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * What decoding one record costs a consumer (docs/benchmarks.md, "Where a DM's cost goes"): the
 * consumers' deserializer ({@link AvroEventDeserializer} over Apicurio's, against a real registry, the
 * schema id cached after the first record) with Apicurio's own datum provider, which fingerprints the
 * writer schema on every record, and with {@link SchemaInstanceDatumProvider}. One thread; the two
 * alternate round by round so that a busy machine slows both alike; the median round is reported, as
 * wall-clock and as the thread's CPU time per record.
 *
 * <p>Not a test: {@code ./mvnw -B -o -pl platform -Pbench test-compile exec:exec@decode-benchmark}
 * ({@code -Dbench.records=50000 -Dbench.rounds=7}).
 */
public final class DecodeCostBenchmark {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private DecodeCostBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int records = Integer.getInteger("bench.records", 50_000);
        int rounds = Integer.getInteger("bench.rounds", 7);
        String url = TestSchemaRegistry.baseUrl();
        SpecificRecord event = TestEvents.inboundMessage(TestEvents.BUSINESS_A, "Hello! Do you ship linen shirts to Lagos?");
        String topic = Topics.of(event.getClass()).name();
        byte[] bytes;
        try (AvroKafkaSerializer<SpecificRecord> serializer =
                RegistryClients.serializer(EventSerdeConfig.serializer(url, true))) {
            bytes = serializer.serialize(topic, event);
        }
        Map<String, AvroEventDeserializer> variants = Map.of(
                "Apicurio's DefaultAvroDatumProvider", deserializer(url, null),
                "SchemaInstanceDatumProvider", deserializer(url, SchemaInstanceDatumProvider.class));
        Map<String, List<long[]>> results = new java.util.TreeMap<>();
        for (var variant : variants.entrySet()) {
            measure(variant.getValue(), topic, bytes, records); // warm-up
        }
        for (int round = 0; round < rounds; round++) {
            for (var variant : variants.entrySet()) {
                results.computeIfAbsent(variant.getKey(), k -> new ArrayList<>())
                        .add(measure(variant.getValue(), topic, bytes, records));
            }
        }
        System.out.printf("%nDecode one %s (%d bytes), %d rounds of %d records, median round; load average %s%n",
                event.getClass().getSimpleName(), bytes.length, rounds, records,
                java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).trim());
        System.out.println("| datum provider | wall µs / record | CPU µs / record |");
        System.out.println("|---|---:|---:|");
        results.forEach((name, rows) -> System.out.printf("| %s | %.2f | %.2f |%n", name,
                median(rows, 0) / 1000.0 / records, median(rows, 1) / 1000.0 / records));
        variants.values().forEach(AvroEventDeserializer::close);
        System.exit(0);
    }

    private static AvroEventDeserializer deserializer(String url, Class<?> provider) {
        Map<String, Object> config = EventSerdeConfig.deserializer(url);
        if (provider != null) {
            config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, provider.getName());
        }
        AvroEventDeserializer deserializer = new AvroEventDeserializer();
        deserializer.configure(config, false);
        return deserializer;
    }

    /** Wall and CPU nanoseconds for {@code records} decodes, as a consumer calls them (with headers). */
    private static long[] measure(AvroEventDeserializer deserializer, String topic, byte[] bytes, int records) {
        long wall = System.nanoTime();
        long cpu = THREADS.getCurrentThreadCpuTime();
        for (int i = 0; i < records; i++) {
            if (deserializer.deserialize(topic, new RecordHeaders(), bytes) == null) {
                throw new IllegalStateException("decoded nothing");
            }
        }
        return new long[] {System.nanoTime() - wall, THREADS.getCurrentThreadCpuTime() - cpu};
    }

    private static long median(List<long[]> rows, int column) {
        long[] values = rows.stream().mapToLong(r -> r[column]).sorted().toArray();
        return values[values.length / 2];
    }
}
