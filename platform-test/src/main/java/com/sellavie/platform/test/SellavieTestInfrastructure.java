package com.sellavie.platform.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared real infrastructure: a fresh database on the test
 * PostgreSQL (one per context, with its owner, app and relay roles, whose credentials the context
 * gets for Flyway, the data source and the relay), the JVM's Kafka broker and the JVM's schema registry.
 *
 * <p>Use through {@link IntegrationTest}, or {@code @ContextConfiguration(initializers = ...)}.
 */
public class SellavieTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPostgres postgres = TestPostgres.get();
        Map<String, Object> props = new HashMap<>();
        // Three roles, as in production: the service runs as a non-owner (row-level security binds it),
        // migrations as the owner, the relay as the one role with REPLICATION.
        TestPostgres.ServiceDatabase database = postgres.createServiceDatabase("t_" + app.replace('-', '_'));
        props.put("spring.datasource.url", database.jdbcUrl());
        props.put("spring.datasource.username", database.app().user());
        props.put("spring.datasource.password", database.app().password());
        // With its own URL Flyway opens its own connections (derived from the tenant-scoped pool otherwise).
        props.put("spring.flyway.url", database.jdbcUrl());
        props.put("spring.flyway.user", database.owner().user());
        props.put("spring.flyway.password", database.owner().password());
        props.put("sellavie.relay.username", database.relay().user());
        props.put("sellavie.relay.password", database.relay().password());
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("sellavie.schema-registry.url", TestSchemaRegistry.baseUrl());
        props.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
        // Spring pauses cached contexts; a paused relay must not pin one of the server's slots.
        props.put("sellavie.relay.drop-slot-on-stop", "true");
        // Production bounds a Redis command (the access-token denylist) at 500 ms and refuses the request past it
        // (fail closed). In CI a test JVM runs beside another module's and can be starved for longer than that:
        // AiSettingsProvidersTest and ChannelApiTest each got such a 503 once. Tests give Redis 5 s; the
        // fail-closed path keeps its own test at production's bound (platform's DenylistUnavailableTest sets
        // sellavie.test.redis-timeout: these properties take precedence over a test's own).
        props.put("spring.data.redis.timeout", "${sellavie.test.redis-timeout:5s}");
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("sellavie-test-infrastructure", props));
    }
}
