package com.sellavie.conversation.outbound;

import com.sellavie.conversation.messaging.Message;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.DeadLetterReplayer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * What every listener asking for an outbound message does with its record, on the consumer thread:
 * in one transaction, the inbox entry and the message recorded PENDING (or EXPIRED, see below) with
 * its MessageRecorded; then it returns. No Send API call ever runs on a consumer thread. When a worker
 * is free and the message is its conversation's head, the same transaction claims it and the worker gets
 * it on commit (no poll, no claim transaction of its own); otherwise the {@link SendScheduler}'s poller
 * is woken to find it. A record an operator replayed from the dead letters after more than
 * {@code replay-max-age} (by its occurredAt) is recorded EXPIRED instead: the customer has long moved
 * on, the team sees it.
 */
@Component
class OutboundIntake {

    private static final Logger log = LoggerFactory.getLogger(OutboundIntake.class);

    private final IdempotentEventHandler handler;
    private final OutboundRecorder recorder;
    private final OutboundQueue queue;
    private final SendScheduler scheduler;
    private final SendMetrics metrics;
    private final OutboundProperties properties;

    OutboundIntake(IdempotentEventHandler handler, OutboundRecorder recorder, OutboundQueue queue,
            SendScheduler scheduler, SendMetrics metrics, OutboundProperties properties) {
        this.handler = handler;
        this.recorder = recorder;
        this.queue = queue;
        this.scheduler = scheduler;
        this.metrics = metrics;
        this.properties = properties;
    }

    /** Records the message {@code record} asks for, once per eventId; throws (dead letter) when it is unsendable. */
    <T> void accept(ConsumerRecord<String, T> record, Function<T, OutboundRequest> asRequest) {
        OutboundRequest request = asRequest.apply(record.value());
        Header replayedFrom = record.headers().lastHeader(DeadLetterReplayer.REPLAYED_FROM_HEADER);
        boolean expired = replayedFrom != null && tooOld(request.cause().occurredAt());
        handler.handleOnce(record, value -> recorder.record(request, expired).ifPresent(recorded -> {
            Message message = recorded.message();
            if (expired) {
                metrics.outcome(SendMetrics.EXPIRED);
                log.warn("{} replayed from {} is from {}, older than {}: message {} (conversation {}, business {}) "
                                + "recorded EXPIRED, not sent", request.description(),
                        new String(replayedFrom.value(), StandardCharsets.UTF_8), request.cause().occurredAt(),
                        properties.replayMaxAge(), message.id(), message.conversationId(), message.businessId());
            } else if (Message.PENDING.equals(message.deliveryStatus())) {
                handOver(recorded);
            }
        }));
    }

    /**
     * In the recording transaction: claims the message for a free worker if it is its conversation's
     * head, and has it sent after commit; else (or when the transaction rolls back) the worker goes back
     * and the poller looks for the message.
     */
    private void handOver(OutboundRecorder.Recorded recorded) {
        Message message = recorded.message();
        Optional<SendScheduler.Slot> worker = scheduler.reserveWorker(message.businessId());
        Optional<ClaimedSend> claimed;
        try {
            claimed = worker.flatMap(w -> queue.claimRecorded(message.businessId(), message.id(),
                    properties.instanceId(), properties.leaseDuration())).map(c -> new ClaimedSend(message.businessId(),
                    message.id(), recorded.conversation(), recorded.channel(), c.text(), c.sourceEventId(),
                    c.correlationId(), c.attempts(), c.authorType(), c.imageUrl(), c.template(), c.privateReply(),
                    c.traceparent()));
        } catch (RuntimeException e) {
            worker.ifPresent(SendScheduler.Slot::release);
            throw e;
        }
        if (claimed.isEmpty()) {
            worker.ifPresent(SendScheduler.Slot::release);
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                if (claimed.isPresent()) {
                    worker.get().submitRecorded(claimed.get());
                    return;
                }
                // Maybe behind an older message in flight here (else the hint is merely unused).
                scheduler.waitsBehindOlder(message.conversationId());
                scheduler.wake();
            }

            @Override
            public void afterCompletion(int status) {
                // Rolled back: nothing was recorded, so the kept worker is not needed (a no-op once submitted).
                worker.ifPresent(SendScheduler.Slot::release);
            }
        });
    }

    private boolean tooOld(Instant occurredAt) {
        return Duration.between(occurredAt, Instant.now()).compareTo(properties.replayMaxAge()) > 0;
    }
}
