package com.sellavie.platform.kafka;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.platform.registry.RegistryClientAutoConfiguration;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

class ProducerReliabilityTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(KafkaAutoConfiguration.class, RegistryClientAutoConfiguration.class,
                    KafkaPlatformAutoConfiguration.class))
            .withPropertyValues("sellavie.schema-registry.url=http://localhost:1");

    @Test
    void autoConfiguredTemplateProducesIdempotentlyWithAcksAll() {
        context.withPropertyValues("spring.kafka.producer.acks=1").run(app ->
                assertThat(app.getBean(KafkaTemplate.class).getProducerFactory().getConfigurationProperties())
                        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }

    @Test
    void aServicesOwnProducerFactoryIsMadeReliableToo() {
        context.withBean("ownProducerFactory", DefaultKafkaProducerFactory.class,
                () -> new DefaultKafkaProducerFactory<>(Map.<String, Object>of(
                        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "localhost:1",
                        ProducerConfig.ACKS_CONFIG, "1",
                        ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, false),
                        new StringSerializer(), new StringSerializer()))
                .run(app -> assertThat(app.getBean("ownProducerFactory", DefaultKafkaProducerFactory.class)
                        .getConfigurationProperties())
                        .containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                        .containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true));
    }
}
