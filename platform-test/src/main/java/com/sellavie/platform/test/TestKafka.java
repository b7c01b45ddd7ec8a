package com.sellavie.platform.test;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * One real Kafka broker (KRaft mode) per test JVM, shared by every test class in it. Topics are
 * created on first use, as in production, and tests use unique topic names or consumer groups.
 */
public final class TestKafka {

    private static volatile EmbeddedKafkaKraftBroker broker;

    private TestKafka() {
    }

    public static String bootstrapServers() {
        if (broker == null) {
            synchronized (TestKafka.class) {
                if (broker == null) {
                    EmbeddedKafkaKraftBroker started = new EmbeddedKafkaKraftBroker(1, 1);
                    started.brokerProperties(java.util.Map.of(
                            "auto.create.topics.enable", "true",
                            "num.partitions", "3",
                            "transaction.state.log.replication.factor", "1",
                            "transaction.state.log.min.isr", "1",
                            "group.initial.rebalance.delay.ms", "0"));
                    started.afterPropertiesSet();
                    Runtime.getRuntime().addShutdownHook(new Thread(started::destroy, "test-kafka-shutdown"));
                    broker = started;
                }
            }
        }
        return broker.getBrokersAsString();
    }

    /** Creates topics with the given partition count, if they do not exist yet. */
    public static void createTopics(int partitions, String... topics) {
        bootstrapServers();
        broker.addTopics(java.util.Arrays.stream(topics)
                .map(t -> new org.apache.kafka.clients.admin.NewTopic(t, partitions, (short) 1))
                .toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }
}
