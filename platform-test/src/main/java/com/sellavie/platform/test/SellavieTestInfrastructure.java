package com.sellavie.platform.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared real infrastructure: a fresh database on the test
 * PostgreSQL (one per context, owned by its own non-superuser role, whose credentials the context
 * gets), the JVM's Kafka broker and the JVM's schema registry.
 *
 * <p>Use through {@link IntegrationTest}, or {@code @ContextConfiguration(initializers = ...)}.
 */
public class SellavieTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPostgres postgres = TestPostgres.get();
        Map<String, Object> props = new HashMap<>();
        // Owned by a fresh non-superuser role, as in production, so row-level security applies.
        TestPostgres.OwnedDatabase database = postgres.createOwnedDatabase("t_" + app.replace('-', '_'));
        props.put("spring.datasource.url", database.jdbcUrl());
        props.put("spring.datasource.username", database.user());
        props.put("spring.datasource.password", database.password());
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("sellavie.schema-registry.url", TestSchemaRegistry.baseUrl());
        props.put("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", TestTokens.jwksUri());
        // Spring pauses cached contexts; a paused relay must not pin one of the server's slots.
        props.put("sellavie.relay.drop-slot-on-stop", "true");
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("sellavie-test-infrastructure", props));
    }
}
