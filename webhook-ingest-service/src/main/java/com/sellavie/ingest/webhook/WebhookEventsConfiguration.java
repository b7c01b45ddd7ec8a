package com.sellavie.ingest.webhook;

import com.sellavie.platform.outbox.EventRecords;
import com.sellavie.platform.outbox.Outbox;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Kafka first (the default) or the outbox alone, per {@link KafkaFirstProperties}. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(KafkaFirstProperties.class)
class WebhookEventsConfiguration {

    static final String BREAKER = "kafka-first";

    @Bean
    WebhookEvents webhookEvents(KafkaFirstProperties properties, Outbox outbox, WebhookCommits commits,
            EventRecords records, KafkaProperties kafka, CircuitBreakerRegistry breakers, MeterRegistry meters) {
        if (!properties.enabled()) {
            return outbox::publish;
        }
        return new KafkaFirstWebhookEvents(producer(kafka, properties), records, outbox, commits,
                breakers.circuitBreaker(BREAKER), meters, properties);
    }

    private static KafkaProducer<String, byte[]> producer(KafkaProperties kafka, KafkaFirstProperties properties) {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "sellavie-ingest-kafka-first");
        // send() must not hold a commit longer than the acknowledgement wait (metadata, full buffer); what is not
        // acknowledged in time is in the outbox, so the producer's own retries may stop well before the default 2 min.
        long ackMs = properties.ackTimeout().toMillis();
        config.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, ackMs);
        config.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) Math.max(ackMs, 5_000));
        config.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, (int) Math.max(ackMs, 5_000) * 3);
        config.put(ProducerConfig.LINGER_MS_CONFIG, (int) properties.linger().toMillis());
        return new KafkaProducer<>(config, new StringSerializer(), new ByteArraySerializer());
    }
}
