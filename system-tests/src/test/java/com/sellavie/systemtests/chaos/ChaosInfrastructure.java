package com.sellavie.systemtests.chaos;

import com.sellavie.platform.test.TestPostgres;
import com.sellavie.systemtests.stack.Infrastructure;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;

/** PostgreSQL, Kafka and the registry as processes the chaos suite can stop, kill and restart. */
final class ChaosInfrastructure implements Infrastructure, AutoCloseable {

    final RestartablePostgres postgres;
    final StandaloneKafka kafka;
    final PersistentRegistry registry;

    private ChaosInfrastructure(RestartablePostgres postgres, StandaloneKafka kafka, PersistentRegistry registry) {
        this.postgres = postgres;
        this.kafka = kafka;
        this.registry = registry;
    }

    static ChaosInfrastructure start(Path folder) {
        CompletableFuture<StandaloneKafka> kafka = CompletableFuture.supplyAsync(() -> StandaloneKafka.start(folder.resolve("kafka")));
        CompletableFuture<PersistentRegistry> registry = CompletableFuture.supplyAsync(
                () -> PersistentRegistry.start(folder.resolve("registry")));
        RestartablePostgres postgres = RestartablePostgres.start();
        return new ChaosInfrastructure(postgres, kafka.join(), registry.join());
    }

    @Override
    public String kafkaBootstrap() {
        return kafka.bootstrapServers();
    }

    @Override
    public String registryUrl() {
        return registry.baseUrl();
    }

    @Override
    public TestPostgres.ServiceDatabase createServiceDatabase(String prefix) {
        return postgres.createServiceDatabase(prefix);
    }

    @Override
    public void close() {
        kafka.close();
        registry.close();
        postgres.close();
    }
}
