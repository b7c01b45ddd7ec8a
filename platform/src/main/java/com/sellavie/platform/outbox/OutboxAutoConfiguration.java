package com.sellavie.platform.outbox;

import com.sellavie.platform.registry.RegistryClientVertx;
import io.micrometer.tracing.Tracer;
import java.time.Clock;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The {@link Outbox} of a service with a database and its retention job (event schemas are registered
 * by SchemaRegistrationAutoConfiguration).
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
@ConditionalOnBean(JdbcTemplate.class)
@EnableConfigurationProperties({SchemaRegistryProperties.class, OutboxRetentionProperties.class})
public class OutboxAutoConfiguration {

    @Bean(destroyMethod = "close")
    EventSerializer outboxEventSerializer(SchemaRegistryProperties registry, ObjectProvider<SchemaIds> registeredIds,
            RegistryClientVertx registryClientVertx) {
        return new EventSerializer(registry.requiredUrl(), registry.autoRegister(),
                registeredIds.getIfAvailable(SchemaIds::new), registryClientVertx.vertx());
    }

    @Bean
    @ConditionalOnMissingBean
    TraceparentSource traceparentSource(ObjectProvider<Tracer> tracer) {
        return new TraceparentSource(tracer);
    }

    @Bean
    EventRecords eventRecords(EventSerializer outboxEventSerializer, TraceparentSource traceparentSource) {
        return new EventRecords(outboxEventSerializer, traceparentSource);
    }

    @Bean
    @ConditionalOnMissingBean
    Outbox outbox(JdbcTemplate jdbc, EventRecords eventRecords) {
        return new JdbcOutbox(jdbc, eventRecords);
    }

    @Bean
    @ConditionalOnMissingBean
    OutboxRetention outboxRetention(JdbcTemplate jdbc, OutboxRetentionProperties properties) {
        return new OutboxRetention(jdbc, properties, Clock.systemUTC());
    }
}
