package com.sellavie.platform.kafka;

import com.sellavie.platform.failure.FailureClassifier;
import com.sellavie.platform.registry.RegistryClientVertx;
import com.sellavie.schemas.serde.EventSerdeConfig;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Metrics;
import java.time.Duration;
import java.util.Map;
import org.springframework.beans.factory.ObjectProvider;
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
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Kafka for every service: reliable producers; consumers decoding Avro through the registry and
 * failing loudly on what they cannot decode; transient failures retried with exponential backoff
 * without holding the consumer thread (only the failing partition pauses), permanent ones sent to
 * the record's dead-letter topic at once with its original bytes; every failure logged and counted;
 * and the replay of dead letters. The deserializer classes,
 * ack mode and observation switches are defaults in {@code sellavie-platform-defaults.yml}.
 */
@AutoConfiguration(after = KafkaAutoConfiguration.class)
@ConditionalOnClass(KafkaTemplate.class)
@EnableConfigurationProperties(KafkaRetryProperties.class)
public class KafkaPlatformAutoConfiguration {

    static final String REGISTRY_URL = "sellavie.schema-registry.url";
    static final String COMMIT_TIMEOUT = "sellavie.kafka.commit-timeout";
    private static final BackOff NO_RETRY = new FixedBackOff(0, 0);

    @Bean
    static ProducerReliability producerReliability() {
        return new ProducerReliability();
    }

    @Bean
    static BoundedOffsetCommits boundedOffsetCommits(Environment environment) {
        return new BoundedOffsetCommits(environment.getProperty(COMMIT_TIMEOUT, Duration.class, Duration.ofSeconds(5)));
    }

    @Bean
    static KafkaHousekeeping kafkaHousekeeping(ObjectProvider<MeterRegistry> meters) {
        return new KafkaHousekeeping(meters);
    }

    /** Registry settings for the Avro delegate of the consumers' ErrorHandlingDeserializer. */
    @Bean
    DefaultKafkaConsumerFactoryCustomizer eventDeserializerSettings(Environment environment,
            RegistryClientVertx registryClientVertx) {
        Map<String, Object> settings = EventSerdeConfig.deserializer(environment.getRequiredProperty(REGISTRY_URL));
        settings.put(SerdeConfig.VERTX_INSTANCE, registryClientVertx.vertx());
        settings.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, SchemaInstanceDatumProvider.class.getName());
        return factory -> factory.updateConfigs(settings);
    }

    @Bean
    RawRecordProducer rawRecordProducer(ProducerFactory<?, ?> producerFactory) {
        return new RawRecordProducer(producerFactory.getConfigurationProperties());
    }

    @Bean
    ListenerFailures kafkaListenerFailures(ObjectProvider<MeterRegistry> meters) {
        return new ListenerFailures(meters.getIfAvailable(() -> Metrics.globalRegistry));
    }

    @Bean
    static ListenerOutcomesInstaller kafkaListenerOutcomesInstaller(ObjectProvider<MeterRegistry> meters) {
        return new ListenerOutcomesInstaller(meters);
    }

    /**
     * Transient failures (FailureClassifier) are retried with exponential backoff up to the horizon,
     * each wait pausing only the record's partition; permanent ones, and transient ones past the
     * horizon, go to the dead-letter topic at once. A record whose schema the registry could not be
     * asked for is retried for as long as the registry is away: its bytes are valid, so a dead letter
     * would only be an outage's leftover for an operator to replay.
     */
    @Bean
    @ConditionalOnMissingBean(CommonErrorHandler.class)
    DefaultErrorHandler retryThenDeadLetterErrorHandler(RawRecordProducer rawRecordProducer,
            KafkaRetryProperties retry, ListenerFailures failures, KafkaHousekeeping housekeeping) {
        BackOff transientBackOff = transientBackOff(retry);
        BackOff registryOutageBackOff = registryOutageBackOff(retry);
        DefaultErrorHandler handler = new DefaultErrorHandler(new DeadLetterRecoverer(rawRecordProducer.template()),
                transientBackOff, new PartitionPausingBackOffHandler(housekeeping.pauseService(), failures));
        // Our classifier decides, for every exception type: Spring Kafka's default list would never
        // retry a DeserializationException, even one caused by an unreachable registry.
        handler.setClassifications(Map.of(), true);
        handler.setBackOffFunction((record, exception) ->
                backOffFor(exception, transientBackOff, registryOutageBackOff));
        handler.setRetryListeners(failures);
        return handler;
    }

    /** The waits a failed record gets: none (dead-lettered at once), up to the horizon, or until the registry answers. */
    static BackOff backOffFor(Throwable failure, BackOff transientBackOff, BackOff registryOutageBackOff) {
        if (waitsForTheRegistry(failure)) {
            return registryOutageBackOff;
        }
        return FailureClassifier.isTransient(failure) ? transientBackOff : NO_RETRY;
    }

    private static boolean waitsForTheRegistry(Throwable failure) {
        int depth = 0;
        for (Throwable t = failure; t != null && depth < 32; t = t.getCause(), depth++) {
            if (t instanceof SchemaRegistryUnavailableException) {
                return true;
            }
        }
        return false;
    }

    /** The transient waits (same growth and cap), without a horizon. */
    static ExponentialBackOff registryOutageBackOff(KafkaRetryProperties retry) {
        ExponentialBackOff backOff = new ExponentialBackOff(retry.initialInterval().toMillis(), retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        return backOff;
    }

    static BackOff transientBackOff(KafkaRetryProperties retry) {
        ExponentialBackOff backOff = registryOutageBackOff(retry);
        backOff.setMaxElapsedTime(retry.horizon().toMillis());
        return backOff;
    }

    @Bean
    @ConditionalOnMissingBean
    DeadLetterReplayer deadLetterReplayer(ConsumerFactory<?, ?> consumerFactory, RawRecordProducer rawRecordProducer) {
        return new DeadLetterReplayer(consumerFactory.getConfigurationProperties(), rawRecordProducer.template(),
                Duration.ofSeconds(60));
    }
}
