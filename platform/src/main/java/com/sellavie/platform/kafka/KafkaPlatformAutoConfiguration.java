package com.sellavie.platform.kafka;

import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.MissingTenantException;
import com.sellavie.schemas.serde.EventSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.DefaultKafkaConsumerFactoryCustomizer;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * Kafka for every service: reliable producers; consumers decoding Avro through the registry and
 * failing loudly on what they cannot decode; bounded exponential retries, then the record's
 * dead-letter topic with its original bytes; and the replay of those. The deserializer classes,
 * ack mode and observation switches are defaults in {@code sellavie-platform-defaults.yml}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaRetryProperties.class)
public class KafkaPlatformAutoConfiguration {

    static final String REGISTRY_URL = "sellavie.schema-registry.url";

    @Bean
    static ProducerReliability producerReliability() {
        return new ProducerReliability();
    }

    @Bean
    ConsumerSerdeVertx consumerSerdeVertx() {
        return new ConsumerSerdeVertx();
    }

    /** Registry settings for the Avro delegate of the consumers' ErrorHandlingDeserializer. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventDeserializerSettings(Environment environment,
            ConsumerSerdeVertx consumerSerdeVertx) {
        Map<String, Object> settings = EventSerdeConfig.deserializer(environment.getRequiredProperty(REGISTRY_URL));
        settings.put(SerdeConfig.VERTX_INSTANCE, consumerSerdeVertx.vertx());
        return factory -> factory.updateConfigs(settings);
    }

    @Bean
    RawRecordProducer rawRecordProducer(ProducerFactory<?, ?> producerFactory) {
        return new RawRecordProducer(producerFactory.getConfigurationProperties());
    }

    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler retryThenDeadLetterErrorHandler(RawRecordProducer rawRecordProducer,
            KafkaRetryProperties retry) {
        ExponentialBackOffWithMaxRetries backOff = new ExponentialBackOffWithMaxRetries(retry.maxRetries());
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterRecoverer(rawRecordProducer.template()),
                backOff);
        // DeserializationException and friends are not retried by default; neither is a broken tenant.
        handler.addNotRetryableExceptions(InvalidTenantHeaderException.class, MissingTenantException.class);
        return handler;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplayer deadLetterReplayer(ConsumerFactory<?, ?> consumerFactory, RawRecordProducer rawRecordProducer) {
        return new DeadLetterReplayer(consumerFactory.getConfigurationProperties(), rawRecordProducer.template(),
                Duration.ofSeconds(60));
    }
}
