package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.faults.FaultInjection;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Calls the Send API for a committed PENDING message, retrying what may succeed later with
 * exponential backoff, and records the outcome. Runs on the listener thread, outside any
 * transaction: a crash here leaves the message PENDING, which the sweeper turns UNKNOWN.
 */
@Component
class OutboundSender {

    private static final Logger log = LoggerFactory.getLogger(OutboundSender.class);

    private final InstagramSendApi api;
    private final ChannelDirectory channels;
    private final OutboundRecorder recorder;
    private final OutboundProperties properties;
    private final FaultInjection faults;

    OutboundSender(InstagramSendApi api, ChannelDirectory channels, OutboundRecorder recorder,
            OutboundProperties properties, FaultInjection faults) {
        this.api = api;
        this.channels = channels;
        this.recorder = recorder;
        this.properties = properties;
        this.faults = faults;
    }

    void send(PendingSend send) {
        String token;
        try {
            token = channels.accessToken(send.channel());
        } catch (RuntimeException e) {
            log.error("No usable token for channel {}: message {} not sent", send.channel().id(), send.message().id(), e);
            recorder.recordFailed(send, 0, "CHANNEL_DISCONNECTED", null, "The channel's access token is unusable");
            return;
        }
        Duration backoff = properties.initialBackoff();
        for (int attempt = 1; ; attempt++) {
            SendOutcome outcome = api.send(token, send.conversation().contactExternalId(), send.message().text());
            switch (outcome) {
                case SendOutcome.Accepted accepted -> {
                    faults.point(FaultInjection.AFTER_SEND_API_ANSWERED);
                    recorder.recordSent(send, accepted.messageId(), attempt);
                    log.info("Message {} sent (attempt {})", send.message().id(), attempt);
                    return;
                }
                case SendOutcome.Unknown unknown -> {
                    log.warn("Message {}: Send API outcome unknown ({}); marked UNKNOWN, not retried",
                            send.message().id(), unknown.reason());
                    recorder.recordUnknown(send, attempt, unknown.reason());
                    return;
                }
                case SendOutcome.Rejected rejected -> {
                    if (!rejected.retryable() || attempt >= properties.maxAttempts()) {
                        log.warn("Message {} failed after {} attempt(s): {} (code {})", send.message().id(), attempt,
                                rejected.reason(), rejected.code());
                        recorder.recordFailed(send, attempt, rejected.reason(), rejected.code(), rejected.detail());
                        return;
                    }
                    log.info("Message {}: attempt {} refused ({}, code {}); retrying in {}", send.message().id(),
                            attempt, rejected.reason(), rejected.code(), backoff);
                    if (!pause(backoff)) {
                        recorder.recordFailed(send, attempt, rejected.reason(), rejected.code(), rejected.detail());
                        return;
                    }
                    backoff = min(backoff.multipliedBy(2), properties.maxBackoff());
                }
            }
        }
    }

    private static boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
