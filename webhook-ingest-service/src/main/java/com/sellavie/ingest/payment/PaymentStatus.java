package com.sellavie.ingest.payment;

/** The outcomes commerce acts on; every other verified event is acknowledged and not published. */
enum PaymentStatus {
    SUCCEEDED, FAILED, REFUNDED
}
