package com.sellavie.platform.outbox;

import io.micrometer.tracing.Tracer;
import java.time.Clock;
import io.micrometer.tracing.propagation.Propagator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link Outbox} of a service with a database, its retention job, and the start-up registration of
 * event schemas.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties({SchemaRegistryProperties.class, OutboxRetentionProperties.class})
public class OutboxAutoConfiguration {

    @Bean
    @ConditionalOnBooleanProperty(name = "sellavie.schema-registry.register-on-startup", matchIfMissing = true)
    SchemaRegistration eventSchemaRegistration(SchemaRegistryProperties registry) {
        return new SchemaRegistration(registry.requiredUrl());
    }

    @Bean(destroyMethod = "close")
    EventSerializer outboxEventSerializer(SchemaRegistryProperties registry) {
        return new EventSerializer(registry.requiredUrl(), registry.autoRegister());
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcTemplate jdbc, EventSerializer outboxEventSerializer, ObjectProvider<Tracer> tracer,
            ObjectProvider<Propagator> propagator) {
        return new JdbcOutbox(jdbc, outboxEventSerializer, new TraceparentSource(tracer, propagator));
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRetention outboxRetention(JdbcTemplate jdbc, OutboxRetentionProperties properties) {
        return new OutboxRetention(jdbc, properties, Clock.systemUTC());
    }
}
