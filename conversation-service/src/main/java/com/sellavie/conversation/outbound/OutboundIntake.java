package com.sellavie.conversation.outbound;

import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.DeadLetterReplayer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every listener asking for an outbound message does with its record, on the consumer thread:
 * in one transaction, the inbox entry and the message recorded PENDING (or EXPIRED, see below) with
 * its MessageRecorded; then it wakes the {@link SendScheduler} and returns. No Send API call ever runs
 * on a consumer thread. A record an operator replayed from the dead letters after more than
 * {@code replay-max-age} (by its occurredAt) is recorded EXPIRED instead: the customer has long moved
 * on, the team sees it.
 */
@Component
class OutboundIntake {

    private static final Logger log = LoggerFactory.getLogger(OutboundIntake.class);

    private final IdempotentEventHandler handler;
    private final OutboundRecorder recorder;
    private final SendScheduler scheduler;
    private final SendMetrics metrics;
    private final OutboundProperties properties;

    OutboundIntake(IdempotentEventHandler handler, OutboundRecorder recorder, SendScheduler scheduler,
            SendMetrics metrics, OutboundProperties properties) {
        this.handler = handler;
        this.recorder = recorder;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Records the message {@code record} asks for, once per eventId; throws (dead letter) when it is unsendable. */
    <T> void accept(ConsumerRecord<String, T> record, Function<T, OutboundRequest> asRequest) {
        OutboundRequest request = asRequest.apply(record.value());
        Header replayedFrom = record.headers().lastHeader(DeadLetterReplayer.REPLAYED_FROM_HEADER);
        boolean expired = replayedFrom != null && tooOld(request.cause().occurredAt());
        handler.handleOnce(record, value -> recorder.record(request, expired).ifPresent(message -> {
            if (expired) {
                metrics.outcome(SendMetrics.EXPIRED);
                log.warn("{} replayed from {} is from {}, older than {}: message {} (conversation {}, business {}) "
                                + "recorded EXPIRED, not sent", request.description(),
                        new String(replayedFrom.value(), StandardCharsets.UTF_8), request.cause().occurredAt(),
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
