package com.sellavie.ingest.payment;

/** What a verified webhook becomes: a notification to publish, or an event type Sellavie does not act on. */
sealed interface Normalised {

    /** A payment outcome commerce acts on. */
    record Publish(PaymentNotification notification) implements Normalised {
    }

    /** Verified but of no interest (another event type, a pending charge): 200 so the provider stops retrying. */
    record Ignore(String eventType) implements Normalised {
    }

    static Normalised publish(PaymentNotification notification) {
        return new Publish(notification);
    }

    static Normalised ignore(String eventType) {
        return new Ignore(eventType);
    }
}
