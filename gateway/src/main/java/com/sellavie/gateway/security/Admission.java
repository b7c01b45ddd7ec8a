package com.sellavie.gateway.security;

/**
 * What the denylist said about a request authenticated by a token.
 *
 * @param verdict admitted, revoked, over its business's rate limit, or unknown (Redis did not answer in time)
 * @param retryAfterSeconds for {@link Verdict#LIMITED}: when to try again
 */
record Admission(Verdict verdict, long retryAfterSeconds) {

    enum Verdict { ADMITTED, REVOKED, LIMITED, UNAVAILABLE }

    static final Admission ADMITTED = new Admission(Verdict.ADMITTED, 0);
    static final Admission REVOKED = new Admission(Verdict.REVOKED, 0);
    static final Admission UNAVAILABLE = new Admission(Verdict.UNAVAILABLE, 0);

    static Admission limited(long retryAfterSeconds) {
        return new Admission(Verdict.LIMITED, retryAfterSeconds);
    }
}
