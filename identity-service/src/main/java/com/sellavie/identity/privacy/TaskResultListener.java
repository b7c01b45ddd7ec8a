package com.sellavie.identity.privacy;

import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code privacy.task-results} (group {@value #GROUP}, platform inbox: a redelivery changes nothing;
 * an undecodable record goes to the platform's dead-letter topic).
 */
@Component
class TaskResultListener {

    static final String GROUP = "identity-privacy-task-results";

    private final IdempotentEventHandler handler;
    private final PrivacyProgress progress;

    TaskResultListener(IdempotentEventHandler handler, PrivacyProgress progress) {
        this.handler = handler;
        this.progress = progress;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).PRIVACY_TASK_RESULTS.name()}", groupId = GROUP,
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, PrivacyTaskCompleted> record) {
        handler.handleOnce(record, progress::apply);
    }
}
