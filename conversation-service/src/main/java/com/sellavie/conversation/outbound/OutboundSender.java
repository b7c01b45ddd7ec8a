package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.faults.FaultInjection;
import com.sellavie.conversation.outbound.OutboundQueue.Attempt;
import com.sellavie.conversation.window.WindowDecision;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * One attempt at a claimed message, on a scheduler worker: Meta's window checked (closed: FAILED
 * OUTSIDE_MESSAGING_WINDOW, no call; a private reply: FAILED PRIVATE_REPLY_WINDOW_CLOSED past the comment's
 * 7 days) and ATTEMPTING committed, together ({@link SendPreparation}), then one call to the channel type's Send
 * API, then its outcome — SENT; PENDING again with backoff (retryable refusal, within the horizon);
 * FAILED; or UNKNOWN (no answer: maybe sent, never re-sent automatically).
 */
@Component
class OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);
    /** The failure reason of a private reply whose comment is more than 7 days old. */
    static final String PRIVATE_REPLY_WINDOW_CLOSED = "PRIVATE_REPLY_WINDOW_CLOSED";

    private final SendEngines engines;
    private final SendPreparation preparation;
    private final ChannelDirectory channels;
    private final SendClaims claims;
    private final OutboundRecorder recorder;
    private final UnrecordedSends unrecorded;
    private final Tenancy tenancy;
    private final SendMetrics metrics;
    private final FaultInjection faults;
    private final HandedOffReplies handedOff;
    private final ReplyLatency latency;

    OutboundSender(SendEngines engines, SendPreparation preparation, ChannelDirectory channels, SendClaims claims,
            OutboundRecorder recorder, UnrecordedSends unrecorded, Tenancy tenancy, SendMetrics metrics,
            FaultInjection faults, HandedOffReplies handedOff, ReplyLatency latency) {
        this.engines = engines;
        this.preparation = preparation;
        this.channels = channels;
        this.claims = claims;
        this.recorder = recorder;
        this.unrecorded = unrecorded;
        this.tenancy = tenancy;
        this.metrics = metrics;
        this.faults = faults;
        this.handedOff = handedOff;
        this.latency = latency;
    }

    /**
     * @param stopping when true before the call, the claim is given back and the message stays PENDING
     */
    void attempt(ClaimedSend send, OutboundProperties settings, BooleanSupplier stopping) {
        String owner = settings.instanceId();
        if (stopping.getAsBoolean()) {
            claims.release(send, owner);
            return;
        }
        switch (preparation.prepare(send, owner, settings.leaseDuration())) {
            case SendPreparation.Withheld withheld -> handedOff.withhold(send, withheld.mode());
            case SendPreparation.PrivateReplyWindowClosed closed -> {
                log.warn("Message {} (conversation {}, business {}) is the private reply to comment {}, whose 7 days "
                                + "ended at {}; FAILED, not sent", send.messageId(), send.conversation().id(),
                        send.businessId(), send.privateReply().commentId(), send.privateReply().deadline());
                failed(send, send.attempts(), PRIVATE_REPLY_WINDOW_CLOSED, null,
                        "Meta accepts a private reply within 7 days of the comment (checked before calling Meta)");
            }
            case SendPreparation.OutsideWindow outside -> {
                log.warn("Message {} (conversation {}, business {}, {} on {}) is outside Meta's messaging window; "
                                + "FAILED, not sent", send.messageId(), send.conversation().id(), send.businessId(),
                        send.authorType(), send.channel().type());
                failed(send, send.attempts(), WindowDecision.OUTSIDE_MESSAGING_WINDOW, null,
                        "No messaging window is open for this message (checked before calling Meta)");
            }
            case SendPreparation.NoToken noToken -> {
                log.error("No usable token for channel {}: message {} (conversation {}, business {}) not sent ({}: {})",
                        send.channel().id(), send.messageId(), send.conversation().id(), send.businessId(),
                        noToken.cause().getClass().getName(), noToken.cause().getMessage());
                failed(send, send.attempts(), "CHANNEL_DISCONNECTED", null, "The channel's access token is unusable");
            }
            case SendPreparation.ClaimLost lost -> log.info("Message {}: claim lost before the attempt (another "
                    + "instance took it over); not sent here", send.messageId());
            case SendPreparation.Ready ready -> call(send, settings, ready);
        }
    }

    private void call(ClaimedSend send, OutboundProperties settings, SendPreparation.Ready ready) {
        Attempt attempt = ready.attempt();
        SendOutcome outcome = engines.send(send.channel(), ready.token(), new OutgoingMessage(
                send.conversation().contactExternalId(), send.text(), send.imageUrl(), send.template(),
                ready.allowance(), send.privateReply() == null ? null : send.privateReply().commentId()));
        switch (outcome) {
            case SendOutcome.Accepted accepted -> {
                Instant answeredAt = Instant.now();
                faults.point(FaultInjection.AFTER_SEND_API_ANSWERED);
                unrecorded.recordOrKeep(send, accepted.messageId(), attempt.number());
                latency.sent(ready.answeredMessageAt(), answeredAt);
            }
            case SendOutcome.Unknown unknown -> {
                log.warn("Message {} (conversation {}, business {}): Send API outcome unknown ({}), attempt {}; "
                                + "marked UNKNOWN, not retried", send.messageId(), send.conversation().id(),
                        send.businessId(), unknown.reason(), attempt.number());
                if (claims.markUnknown(send, unknown.reason())) {
                    metrics.outcome(SendMetrics.UNKNOWN);
                    latency.unknown(ready.answeredMessageAt(), Instant.now());
                }
            }
            case SendOutcome.Rejected rejected -> refused(send, settings, attempt, rejected);
        }
    }

    private void refused(ClaimedSend send, OutboundProperties settings, Attempt attempt, SendOutcome.Rejected rejected) {
        Duration trying = Duration.between(attempt.firstAttemptAt(), Instant.now());
        if (!rejected.retryable()) {
            log.warn("Message {} (conversation {}, business {}) refused for good: {} (code {}), attempt {}; FAILED",
                    send.messageId(), send.conversation().id(), send.businessId(), rejected.reason(), rejected.code(),
                    attempt.number());
            failed(send, attempt.number(), rejected.reason(), rejected.code(), rejected.detail());
            if ("CHANNEL_DISCONNECTED".equals(rejected.reason())) { // Meta 190/102: the token is dead
                channels.tokenRejected(send.channel(), rejected.detail());
            }
        } else if (trying.compareTo(settings.retryHorizon()) >= 0) {
            log.error("Message {} (conversation {}, business {}) given up after {} attempts over {}: {} (code {}); "
                            + "FAILED", send.messageId(), send.conversation().id(), send.businessId(), attempt.number(),
                    trying, rejected.reason(), rejected.code());
            failed(send, attempt.number(), rejected.reason(), rejected.code(), rejected.detail());
        } else {
            Duration backoff = settings.backoffAfter(attempt.number());
            log.warn("Message {} (conversation {}, business {}) refused: {} (code {}), attempt {}; retrying in {}",
                    send.messageId(), send.conversation().id(), send.businessId(), rejected.reason(), rejected.code(),
                    attempt.number(), backoff);
            if (claims.reschedule(send, settings.instanceId(), backoff, rejected.reason(), rejected.code())) {
                metrics.outcome(SendMetrics.RETRIED);
            }
        }
    }

    private void failed(ClaimedSend send, int attempts, String reason, String code, String detail) {
        if (tenancy.callAs(send.businessId(), () -> recorder.recordFailed(send, attempts, reason, code, detail))) {
            metrics.outcome(SendMetrics.FAILED);
            latency.failed(send, Instant.now());
        }
    }
}
