package com.sellavie.identity.session;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One log-in on one device; its id is the {@code sid} of its access tokens and its refresh-token family.
 * {@code methods} is how its user proved who they are (the {@code amr} of every token issued in it).
 */
record Session(UUID id, UUID businessId, UUID userId, String device, String ip, Instant createdAt,
        Instant lastUsedAt, Instant expiresAt, Instant revokedAt, List<String> methods) {

    Session {
        methods = List.copyOf(methods);
    }

    /** Whether the session may still be refreshed at {@code now}: not revoked, not past either expiry. */
    boolean liveAt(Instant now, Duration idleTtl) {
        return revokedAt == null && now.isBefore(expiresAt) && now.isBefore(lastUsedAt.plus(idleTtl));
    }
}
