package com.sellavie.conversation.outbound;

import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.DeadLetterReplayer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code ai.replies}: records the reply PENDING with its inbox entry, in one transaction, and returns;
 * the {@link SendScheduler} sends it. No Send API call ever runs on a consumer thread. A reply an
 * operator replayed from the dead letters after more than {@code replay-max-age} is recorded EXPIRED
 * instead: the customer has long moved on, the team sees it.
 */
@Component
class ReplyListener {

    private static final Logger log = LoggerFactory.getLogger(ReplyListener.class);

    private final IdempotentEventHandler handler;
    private final OutboundRecorder recorder;
    private final SendScheduler scheduler;
    private final SendMetrics metrics;
    private final OutboundProperties properties;

    ReplyListener(IdempotentEventHandler handler, OutboundRecorder recorder, SendScheduler scheduler,
            SendMetrics metrics, OutboundProperties properties) {
        this.handler = handler;
        this.recorder = recorder;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.properties = properties;
    }

    @KafkaListener(topics = "ai.replies", groupId = "conversation-service")
    void on(ConsumerRecord<String, ReplyGenerated> record) {
        Header replayedFrom = record.headers().lastHeader(DeadLetterReplayer.REPLAYED_FROM_HEADER);
        boolean expired = replayedFrom != null && tooOld(record.value().getOccurredAt());
        handler.handleOnce(record, reply -> recorder.recordReply(reply, expired).ifPresent(message -> {
            if (expired) {
                metrics.outcome(SendMetrics.EXPIRED);
                log.warn("Reply {} replayed from {} is from {}, older than {}: message {} (conversation {}, "
                                + "business {}) recorded EXPIRED, not sent", reply.getEventId(),
                        new String(replayedFrom.value(), StandardCharsets.UTF_8), reply.getOccurredAt(),
                        properties.replayMaxAge(), message.id(), message.conversationId(), message.businessId());
            }
        }));
        if (!expired) {
            scheduler.wake();
        }
    }

    private boolean tooOld(Instant occurredAt) {
        return Duration.between(occurredAt, Instant.now()).compareTo(properties.replayMaxAge()) > 0;
    }
}
