package com.sellavie.ingest.payment;

/**
 * Whether a webhook's signature holds, and if not, why, in words fit for a log line and a metric:
 * never the signature or the secret.
 */
record Verdict(boolean verified, String reason) {

    static final Verdict VERIFIED = new Verdict(true, "verified");

    static Verdict refused(String reason) {
        return new Verdict(false, reason);
    }
}
