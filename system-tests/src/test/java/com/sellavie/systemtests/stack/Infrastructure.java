package com.sellavie.systemtests.stack;

import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestPostgres;
import com.sellavie.platform.test.TestSchemaRegistry;
import java.util.concurrent.CompletableFuture;

/**
 * What the services run on: a PostgreSQL server that hands each service its own database and its
 * owner, app and relay roles, a Kafka broker and a schema registry. The journeys use platform-test's shared ones; the chaos
 * suite uses processes it can stop and restart.
 */
public interface Infrastructure {

    String kafkaBootstrap();

    String registryUrl();

    /** A fresh database with its owner, app and relay roles (none a superuser), as in production. */
    TestPostgres.ServiceDatabase createServiceDatabase(String prefix);

    /** platform-test's embedded PostgreSQL, in-JVM KRaft broker and Apicurio process (started in parallel). */
    static Infrastructure shared() {
        CompletableFuture<String> registry = CompletableFuture.supplyAsync(TestSchemaRegistry::baseUrl);
        CompletableFuture<String> kafka = CompletableFuture.supplyAsync(TestKafka::bootstrapServers);
        TestPostgres postgres = TestPostgres.get();
        String bootstrap = kafka.join();
        String registryUrl = registry.join();
        return new Infrastructure() {
            @Override
            public String kafkaBootstrap() {
                return bootstrap;
            }

            @Override
            public String registryUrl() {
                return registryUrl;
            }

            @Override
            public TestPostgres.ServiceDatabase createServiceDatabase(String prefix) {
                return postgres.createServiceDatabase(prefix);
            }
        };
    }
}
