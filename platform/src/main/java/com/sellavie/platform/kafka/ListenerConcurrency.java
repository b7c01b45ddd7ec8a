package com.sellavie.platform.kafka;

/** Values for {@code @KafkaListener(concurrency = ...)}. */
public final class ListenerConcurrency {

    /**
     * Consumers per instance of a light listener (few records, or nearly all skipped):
     * {@code sellavie.kafka.light-listener-concurrency}, 1 unless configured (platform/README.md "Concurrency").
     * The DM path's listeners leave {@code concurrency} unset and take {@code spring.kafka.listener.concurrency}.
     */
    public static final String LIGHT = "${sellavie.kafka.light-listener-concurrency}";

    private ListenerConcurrency() {
    }
}
