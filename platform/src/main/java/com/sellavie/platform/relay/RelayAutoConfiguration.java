package com.sellavie.platform.relay;

import io.debezium.engine.DebeziumEngine;
import io.micrometer.core.instrument.MeterRegistry;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.health.autoconfigure.contributor.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The relay of the service's own database ({@code spring.datasource.url}, as the relay's role
 * {@code sellavie.relay.username}) to the service's Kafka ({@code spring.kafka.*}), on by default;
 * {@code sellavie.relay.enabled=false} turns it off.
 */
@AutoConfiguration(after = {DataSourceAutoConfiguration.class, KafkaAutoConfiguration.class})
@ConditionalOnClass(DebeziumEngine.class)
@ConditionalOnBooleanProperty(name = "sellavie.relay.enabled", matchIfMissing = true)
@ConditionalOnBean({DataSourceProperties.class, KafkaProperties.class})
@EnableConfigurationProperties(RelayProperties.class)
public class RelayAutoConfiguration {

    @Bean
    OutboxRelay outboxRelay(RelayProperties settings, DataSourceProperties dataSource, KafkaProperties kafka,
            ObjectProvider<MeterRegistry> meterRegistry) {
        if (settings.getUsername() == null || settings.getUsername().isBlank()) {
            throw new IllegalStateException("The outbox relay has no database role: set SELLAVIE_DB_RELAY_USER and"
                    + " SELLAVIE_DB_RELAY_PASSWORD (sellavie.relay.username/password), a LOGIN REPLICATION role"
                    + " (or sellavie.relay.enabled=false)");
        }
        // Same database as the service, but the relay's own role: only it has REPLICATION.
        RelayDatabase db = RelayDatabase.of(dataSource.determineUrl(), settings.getUsername(), settings.getPassword());
        return new OutboxRelay(db, settings, kafka.buildProducerProperties(), meterRegistry.getIfAvailable());
    }

    @Bean
    @ConditionalOnBean(DataSource.class)
    RelayDeadLetters relayDeadLetters(DataSource dataSource) {
        return new RelayDeadLetters(dataSource);
    }

    @Bean
    RelayLifecycle outboxRelayLifecycle(OutboxRelay outboxRelay) {
        return new RelayLifecycle(outboxRelay);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(HealthIndicator.class)
    @ConditionalOnEnabledHealthIndicator("relay")
    static class RelayHealth {

        @Bean
        HealthIndicator relayHealthIndicator(OutboxRelay outboxRelay) {
            return new RelayHealthIndicator(outboxRelay);
        }
    }
}
