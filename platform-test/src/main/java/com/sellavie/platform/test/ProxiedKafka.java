package com.sellavie.platform.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.apache.kafka.common.network.ListenerName;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * A Kafka broker of a test class's own, advertising the address of a {@link TcpProxy} in front of it, so every
 * connection of the service (bootstrap and broker alike) goes through the proxy and {@code cut()} really takes Kafka
 * away (with the shared test broker only the bootstrap connection would).
 */
public final class ProxiedKafka implements AutoCloseable {

    private final EmbeddedKafkaKraftBroker broker;
    private final TcpProxy proxy;

    private ProxiedKafka(EmbeddedKafkaKraftBroker broker, TcpProxy proxy) {
        this.broker = broker;
        this.proxy = proxy;
    }

    /** Starts a broker of its own (one node, topics auto-created with 3 partitions) and the proxy in front of it. */
    public static ProxiedKafka start() {
        int proxyPort = freePort();
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 1);
        // Clients learn the broker's address from its metadata, not from the bootstrap list: make that the
        // proxy's, or they would connect to the broker directly and never notice the cut.
        broker.brokerProperties(Map.of(
                "advertised.listeners", "EXTERNAL://127.0.0.1:" + proxyPort,
                "auto.create.topics.enable", "true",
                "num.partitions", "3",
                "group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        // The port the broker really listens on (the test kit binds its own, whatever the configuration says).
        int brokerPort = broker.getCluster().brokers().values().iterator().next().boundPort(new ListenerName("EXTERNAL"));
        return new ProxiedKafka(broker, TcpProxy.listeningOn(proxyPort, "127.0.0.1", brokerPort));
    }

    public TcpProxy proxy() {
        return proxy;
    }

    /** The service's clients all reach Kafka through the proxy. */
    public void routeClients(DynamicPropertyRegistry registry) {
        // The infrastructure sets spring.kafka.bootstrap-servers; the per-client keys take precedence over it.
        registry.add("spring.kafka.producer.bootstrap-servers", proxy::address);
        registry.add("spring.kafka.consumer.bootstrap-servers", proxy::address);
        registry.add("spring.kafka.admin.bootstrap-servers", proxy::address);
    }

    /** The address every client should bootstrap from: the proxy's. */
    public String bootstrapServers() {
        return proxy.address();
    }

    @Override
    public void close() {
        proxy.close();
        broker.destroy();
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
