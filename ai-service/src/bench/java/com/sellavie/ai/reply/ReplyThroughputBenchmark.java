package com.sellavie.ai.reply;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.chatCompletions;
import static com.sellavie.ai.provider.openai.ChatCompletionStubs.completion;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.sellavie.ai.Fixtures;
import com.sellavie.ai.provider.openai.ChatCompletionStubs;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.test.SellavieTestInfrastructure;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Replies per second of one running ai-service (its whole Spring context: listener, reply jobs in the
 * real PostgreSQL, workers, outbox and relay) whose model is an OpenAI-shaped WireMock stub answering
 * in a fixed 800 ms. ReplyRequested events go into the in-JVM Kafka at a fixed rate; the ReplyGenerated
 * events on ai.replies are counted and timed (request published -> reply on the topic), and every second
 * the service's consumer lag on conversation.reply-requests and the requests not yet answered are sampled.
 * {@code -Dbench.rate=100 -Dbench.seconds=60 -Dbench.warmupSeconds=20 -Dbench.workers=200
 * -Dbench.serviceArgs="--a=b --c=d"} (workers: reply-workers and the provider's concurrency limit; without it
 * the service's own defaults).
 */
public final class ReplyThroughputBenchmark {

    private static final String GROUP = "ai-service-bench";

    private ReplyThroughputBenchmark() {
    }

    public static void main(String[] args) {
        try {
            run();
        } catch (Throwable e) {
            e.printStackTrace();
            // The broker's and the service's threads would keep the JVM up.
            System.exit(1);
        }
        System.exit(0);
    }

    private static void run() throws Exception {
        int rate = Integer.getInteger("bench.rate", 100);
        int seconds = Integer.getInteger("bench.seconds", 60);
        int warmup = Integer.getInteger("bench.warmupSeconds", 20);
        Integer workersOverride = Integer.getInteger("bench.workers");
        int delayMs = Integer.getInteger("bench.modelMs", 800);
        WireMockServer model = new WireMockServer(wireMockConfig().dynamicPort().containerThreads(300)
                .asynchronousResponseEnabled(true).asynchronousResponseThreads(50));
        model.start();
        model.stubFor(chatCompletions("").willReturn(completion("gpt-4o-mini", "Hello! How can I help you today?")
                .withFixedDelay(delayMs)));
        List<String> serviceArgs = new ArrayList<>(List.of("--sellavie.ai.providers=openai",
                "--sellavie.ai.endpoints.openai.base-url=" + model.baseUrl(),
                "--sellavie.ai.endpoints.openai.api-key=" + ChatCompletionStubs.KEY,
                "--sellavie.ai.endpoints.openai.timeout=10s", "--sellavie.ai.moderation.provider=rules",
                "--logging.level.com.sellavie=WARN"));
        if (workersOverride != null) {
            serviceArgs.add("--sellavie.ai.reply-workers=" + workersOverride);
            serviceArgs.add("--sellavie.ai.resilience.max-concurrent-calls=" + workersOverride);
        }
        String extra = System.getProperty("bench.serviceArgs", "").strip();
        if (!extra.isEmpty()) {
            serviceArgs.addAll(List.of(extra.split("\\s+")));
        }
        ConfigurableApplicationContext service = StandaloneService.start(GROUP, new SellavieTestInfrastructure(),
                serviceArgs.toArray(String[]::new));
        String workers = service.getEnvironment().getProperty("sellavie.ai.reply-workers") + " / "
                + service.getEnvironment().getProperty("sellavie.ai.resilience.max-concurrent-calls");
        Map<UUID, Long> sentAt = new ConcurrentHashMap<>();
        List<long[]> replies = java.util.Collections.synchronizedList(new ArrayList<>());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread counter = Thread.ofPlatform().name("replies").start(() -> countReplies(sentAt, replies, running));
        AtomicLong sent = new AtomicLong();
        List<String> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread sampler = Thread.ofPlatform().name("lag").start(() -> sample(sent, replies, samples, running));
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(), ProducerConfig.ACKS_CONFIG, "1",
                ProducerConfig.LINGER_MS_CONFIG, 2), new StringSerializer(), new ByteArraySerializer());
                AvroKafkaSerializer<SpecificRecord> serializer =
                        RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true))) {
            List<UUID> businesses = Stream.generate(UUID::randomUUID).limit(20).toList();
            String topic = Topics.CONVERSATION_REPLY_REQUESTS.name();
            long period = 1_000_000_000L / rate;
            long start = System.nanoTime();
            long total = (long) rate * (warmup + seconds);
            for (long i = 0; i < total; i++) {
                long due = start + i * period;
                while (System.nanoTime() < due) {
                    Thread.onSpinWait();
                }
                ReplyRequested request = Fixtures.replyRequested(businesses.get((int) (i % businesses.size())),
                        UUID.randomUUID(), UUID.randomUUID(), "Hello, do you ship abroad?");
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic,
                        request.getConversationId().toString(), serializer.serialize(topic, request));
                record.headers().add("eventId", request.getEventId().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", "ReplyRequested".getBytes(StandardCharsets.UTF_8));
                record.headers().add("businessId", request.getBusinessId().toString().getBytes(StandardCharsets.UTF_8));
                sentAt.put(request.getEventId(), System.nanoTime());
                producer.send(record);
                sent.incrementAndGet();
            }
            long measuredFrom = start + (long) warmup * 1_000_000_000L;
            long measuredTo = start + (long) (warmup + seconds) * 1_000_000_000L;
            long drainUntil = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (replies.size() < total && System.nanoTime() < drainUntil) {
                Thread.sleep(200);
            }
            report(rate, seconds, warmup, workers, delayMs, total, measuredFrom, measuredTo, replies, samples);
        } finally {
            running.set(false);
            counter.join();
            sampler.join();
            service.close();
            model.stop();
        }
    }

    /** Every ReplyGenerated on ai.replies: when it was read, and how long after its request was published. */
    private static void countReplies(Map<UUID, Long> sentAt, List<long[]> replies, AtomicBoolean running) {
        String topic = Topics.AI_REPLIES.name();
        try (AvroKafkaDeserializer<Object> deserializer =
                RegistryClients.deserializer(EventSerdeConfig.deserializer(TestSchemaRegistry.baseUrl()));
                KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of("bootstrap.servers",
                        TestKafka.bootstrapServers(), "enable.auto.commit", false), new ByteArrayDeserializer(),
                        new ByteArrayDeserializer())) {
            // The topic appears with the service's first reply; this broker holds only this run's replies.
            List<TopicPartition> partitions = List.of();
            while (partitions.isEmpty() && running.get()) {
                partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                        .map(p -> new TopicPartition(topic, p.partition())).toList();
                if (partitions.isEmpty()) {
                    Thread.sleep(200);
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            while (running.get()) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    if (deserializer.deserialize(topic, r.value()) instanceof ReplyGenerated reply) {
                        Long sent = sentAt.get(reply.getReplyRequestId());
                        if (sent != null) {
                            replies.add(new long[] {now, now - sent});
                        }
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Each second: the service's consumer lag on the requests topic and requests published but not yet answered. */
    private static void sample(AtomicLong sent, List<long[]> replies, List<String> samples, AtomicBoolean running) {
        String topic = Topics.CONVERSATION_REPLY_REQUESTS.name();
        try (Admin admin = Admin.create(Map.of("bootstrap.servers", TestKafka.bootstrapServers()))) {
            long second = 0;
            while (running.get()) {
                Thread.sleep(1000);
                second++;
                Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(GROUP)
                        .partitionsToOffsetAndMetadata().get();
                Map<TopicPartition, OffsetSpec> latest = new java.util.HashMap<>();
                committed.keySet().stream().filter(p -> p.topic().equals(topic))
                        .forEach(p -> latest.put(p, OffsetSpec.latest()));
                long lag = 0;
                for (var end : admin.listOffsets(latest).all().get().entrySet()) {
                    lag += end.getValue().offset() - committed.get(end.getKey()).offset();
                }
                samples.add(second + "," + lag + "," + (sent.get() - replies.size()) + ","
                        + String.format("%.2f", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                                .getSystemLoadAverage()));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException("sampling the consumer lag failed", e);
        }
    }

    private static void report(int rate, int seconds, int warmup, String workers, int delayMs, long total,
            long measuredFrom, long measuredTo, List<long[]> replies, List<String> samples) {
        List<long[]> all;
        synchronized (replies) {
            all = List.copyOf(replies);
        }
        List<Long> window = all.stream().filter(r -> r[0] >= measuredFrom && r[0] < measuredTo).map(r -> r[1])
                .sorted().toList();
        System.out.printf("reply throughput: offered %d/s for %d s after %d s warm-up, reply-workers / "
                + "max-concurrent-calls %s, model %d ms%n", rate, seconds, warmup, workers, delayMs);
        System.out.printf("ReplyGenerated in the measured window: %d (%.1f/s); all %d of %d requests answered: %s%n",
                window.size(), window.size() / (double) seconds, all.size(), total, all.size() >= total);
        if (!window.isEmpty()) {
            System.out.printf("request published -> ReplyGenerated read: p50 %.0f ms, p99 %.0f ms, max %.0f ms%n",
                    window.get(window.size() / 2) / 1e6, window.get((int) (window.size() * 0.99)) / 1e6,
                    window.getLast() / 1e6);
        }
        if (all.size() > 1) {
            // When the window caught none (replies arriving only after publishing ended), the whole run still tells.
            List<Long> latencies = all.stream().map(r -> r[1]).sorted().toList();
            long first = all.stream().mapToLong(r -> r[0]).min().orElseThrow();
            long last = all.stream().mapToLong(r -> r[0]).max().orElseThrow();
            System.out.printf("all replies: %d, read over %.1f s from %.1f s after publishing began (%.1f/s); "
                    + "latency p50 %.0f ms, p99 %.0f ms, max %.0f ms%n", all.size(), (last - first) / 1e9,
                    (first - (measuredFrom - (measuredTo - measuredFrom) / seconds * warmup)) / 1e9,
                    all.size() / ((last - first) / 1e9), latencies.get(latencies.size() / 2) / 1e6,
                    latencies.get((int) (latencies.size() * 0.99)) / 1e6, latencies.getLast() / 1e6);
        }
        System.out.println("sample (about 1 s apart),consumer lag,published not answered,load average");
        samples.forEach(System.out::println);
    }
}
