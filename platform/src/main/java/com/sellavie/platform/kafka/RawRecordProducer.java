package com.sellavie.platform.kafka;

import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;

/**
 * A producer of raw bytes (keys and values passed through untouched), for dead-letter publishing
 * and replay. Not a {@code KafkaTemplate} bean, so the service's own auto-configured template and
 * producer factory stay the only ones of their type.
 */
class RawRecordProducer implements DisposableBean {

    private final DefaultKafkaProducerFactory<byte[], byte[]> factory;
    private final KafkaTemplate<byte[], byte[]> template;

    RawRecordProducer(Map<String, Object> producerConfigs) {
        Map<String, Object> configs = new HashMap<>(producerConfigs);
        configs.put(ProducerConfig.ACKS_CONFIG, "all");
        configs.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        configs.remove(ProducerConfig.TRANSACTIONAL_ID_CONFIG);
        this.factory = new DefaultKafkaProducerFactory<>(configs, new ByteArraySerializer(), new ByteArraySerializer());
        this.template = new KafkaTemplate<>(factory);
    }

    KafkaTemplate<byte[], byte[]> template() {
        return template;
    }

    @Override
    public void destroy() {
        factory.destroy();
    }
}
