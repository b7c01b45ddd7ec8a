package com.sellavie.platform.privacy;

import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.support.KafkaUtils;

/**
 * {@code identity.privacy-requests} for a service that declared a {@link PrivacyTaskHandler}. Anything
 * else on the topic fails loudly into the dead-letter topic (platform error handler).
 */
class PrivacyRequestListener {

    private final PrivacyTasks tasks;

    PrivacyRequestListener(PrivacyTasks tasks) {
        this.tasks = tasks;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_PRIVACY_REQUESTS.name()}",
            groupId = "${spring.application.name}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, Object> record) {
        String group = KafkaUtils.getConsumerGroupId();
        switch (record.value()) {
            case DataExportRequested export -> tasks.export(group, export);
            case DataErasureRequested erasure -> tasks.erase(group, erasure);
            case null, default -> throw new IllegalArgumentException("Unexpected record on identity.privacy-requests: "
                    + (record.value() == null ? "null" : record.value().getClass().getSimpleName()));
        }
    }
}
