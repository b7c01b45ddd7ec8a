package com.sellavie.conversation.attention;

/** Delivery states of an outbound message that only a person can settle. */
enum AttentionStatus {
    /** Maybe sent: the sender died or Meta did not answer; the team resends or marks it delivered. */
    UNKNOWN,
    /** A replayed reply too old to send; the team decides what to tell the customer. */
    EXPIRED,
    /** Meta refused it for good, or it kept failing past the retry horizon. */
    FAILED
}
