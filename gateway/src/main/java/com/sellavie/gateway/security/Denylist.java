package com.sellavie.gateway.security;

import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * Admits a verified token: not revoked by this instance's copy of the denylist ({@link DenylistReplica}, in memory),
 * then, with rate limits on, within its business's limit ({@link ApiBucket}). A revoked token takes nothing from its
 * business's limit; a copy too old to trust is {@link Admission#UNAVAILABLE} (fail closed).
 */
class Denylist {

    private final DenylistReplica replica;
    private final ApiBucket bucket;

    /** {@code bucket}: null when rate limits are off. */
    Denylist(DenylistReplica replica, ApiBucket bucket) {
        this.replica = replica;
        this.bucket = bucket;
    }

    /** Never fails. */
    Mono<Admission> admit(Jwt jwt) {
        String businessId = jwt.getClaimAsString("business_id");
        Admission admission = replica.check(jwt.getClaimAsString("sid"), businessId, jwt.getSubject(),
                jwt.getIssuedAt().getEpochSecond());
        if (admission != Admission.ADMITTED || bucket == null) {
            return Mono.just(admission);
        }
        return bucket.take(businessId).map(taken -> taken.allowed()
                ? Admission.ADMITTED : Admission.limited(taken.retryAfterSeconds()));
    }
}
