package com.sellavie.platform.test;

import java.util.HashMap;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points a Spring test context at the shared real infrastructure: a fresh database on the test
 * PostgreSQL (one per context), the JVM's Kafka broker and the JVM's schema registry.
 *
 * <p>Use through {@link IntegrationTest}, or {@code @ContextConfiguration(initializers = ...)}.
 */
public class SellavieTestInfrastructure implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        String app = context.getEnvironment().getProperty("spring.application.name", "test");
        TestPostgres postgres = TestPostgres.get();
        Map<String, Object> props = new HashMap<>();
        props.put("spring.datasource.url", postgres.createDatabase("t_" + app.replace('-', '_')));
        props.put("spring.datasource.username", postgres.user());
        props.put("spring.datasource.password", postgres.password());
        props.put("spring.kafka.bootstrap-servers", TestKafka.bootstrapServers());
        props.put("sellavie.schema-registry.url", TestSchemaRegistry.baseUrl());
        context.getEnvironment().getPropertySources()
                .addFirst(new MapPropertySource("sellavie-test-infrastructure", props));
    }
}
