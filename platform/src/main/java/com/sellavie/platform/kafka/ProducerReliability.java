package com.sellavie.platform.kafka;

import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;

/**
 * Every producer factory in the context, whoever declared it, produces with {@code acks=all} and
 * idempotence: an acknowledged record is on every in-sync replica, and a retried send is never
 * written twice.
 */
class ProducerReliability implements BeanPostProcessor {

    static final Map<String, Object> SETTINGS = Map.of(
            ProducerConfig.ACKS_CONFIG, "all",
            ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultKafkaProducerFactory<?, ?> factory) {
            factory.updateConfigs(SETTINGS);
        }
        return bean;
    }
}
