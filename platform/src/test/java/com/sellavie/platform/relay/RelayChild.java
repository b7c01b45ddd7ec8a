package com.sellavie.platform.relay;

import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.producer.ProducerConfig;

/**
 * A relay alone in its own JVM, as a service instance would run it, for tests that kill it with SIGKILL.
 * Arguments: JDBC URL, user, password, Kafka bootstrap servers, instance id.
 */
public final class RelayChild {

    private RelayChild() {
    }

    public static void main(String[] args) throws InterruptedException {
        RelayProperties settings = new RelayProperties();
        settings.setInstanceId(args[4]);
        OutboxRelay relay = new OutboxRelay(RelayDatabase.of(args[0], args[1], args[2]), settings,
                Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, args[3]));
        relay.start();
        new CountDownLatch(1).await();
    }
}
