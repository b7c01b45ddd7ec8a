package com.sellavie.platform.outbox;

import com.sellavie.schemas.Topics;
import com.sellavie.schemas.registry.SchemaRegistrar;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Start-up registration of every event schema (retried in the background while the registry is
 * unreachable) and its {@code schemaRegistry} health, which the readiness group includes.
 */
@AutoConfiguration
@EnableConfigurationProperties({SchemaRegistryProperties.class, SchemaRegistrationProperties.class})
public class SchemaRegistrationAutoConfiguration {

    static final String REGISTER_ON_STARTUP = "sellavie.schema-registry.register-on-startup";

    @Bean
    SchemaIds registeredSchemaIds() {
        return new SchemaIds();
    }

    @Bean
    @ConditionalOnBooleanProperty(name = REGISTER_ON_STARTUP, matchIfMissing = true)
    SchemaRegistration eventSchemaRegistration(SchemaRegistryProperties registry,
            SchemaRegistrationProperties retry, ObjectProvider<MeterRegistry> meters, SchemaIds registeredIds) {
        String url = registry.requiredUrl();
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), 2.0);
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return new SchemaRegistration(topics -> SchemaRegistrar.registerAll(url, topics), Topics.ALL, backOff,
                meters.getIfAvailable(() -> Metrics.globalRegistry), registeredIds);
    }

    /** Always present, so that the readiness group's member exists; UP when registration is switched off. */
    @Bean
    SchemaRegistryHealthIndicator schemaRegistryHealthIndicator(ObjectProvider<SchemaRegistration> registration) {
        return new SchemaRegistryHealthIndicator(registration.getIfAvailable());
    }
}
