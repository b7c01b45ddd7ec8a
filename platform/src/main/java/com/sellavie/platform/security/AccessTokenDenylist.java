package com.sellavie.platform.security;

import com.sellavie.platform.tenancy.SellavieClaims;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Whether a verified access token was revoked before it expired: its session logged out or was
 * revoked ({@code sid} key), or its member was removed or changed role after it was issued
 * ({@code member} key). One Redis round trip per request ({@code MGET}); the client's command timeout
 * bounds it. Any Redis failure is {@link DenylistUnavailableException}: the caller fails closed.
 */
public class AccessTokenDenylist {

    private final StringRedisTemplate redis;

    public AccessTokenDenylist(StringRedisTemplate redis) {
        this.redis = redis;
    }

    public boolean revoked(Jwt token) {
        String sid = token.getClaimAsString(AccessTokenClaims.SESSION_ID);
        String businessId = token.getClaimAsString(SellavieClaims.BUSINESS_ID);
        String userId = token.getSubject();
        List<String> keys = new ArrayList<>(2);
        keys.add(sid == null ? null : RevocationKeys.session(sid));
        keys.add(businessId == null || userId == null ? null : RevocationKeys.member(businessId, userId));
        List<String> present = keys.stream().filter(key -> key != null).toList();
        if (present.isEmpty()) {
            return false;
        }
        List<String> values;
        try {
            values = redis.opsForValue().multiGet(present);
        } catch (RuntimeException e) {
            throw new DenylistUnavailableException(e);
        }
        if (values == null) {
            throw new DenylistUnavailableException(new IllegalStateException("MGET returned nothing"));
        }
        int index = 0;
        if (sid != null && values.get(index++) != null) {
            return true;
        }
        if (index < values.size() && values.get(index) != null) {
            return issuedNoLaterThan(token, values.get(index));
        }
        return false;
    }

    private static boolean issuedNoLaterThan(Jwt token, String epochSeconds) {
        Instant issuedAt = token.getIssuedAt();
        try {
            // No iat: nothing proves the token is newer than the revocation.
            return issuedAt == null || issuedAt.getEpochSecond() <= Long.parseLong(epochSeconds.strip());
        } catch (NumberFormatException e) {
            // A member entry that is not a time still says "revoked": fail closed for that member.
            return true;
        }
    }

    /** Redis did not answer in time or at all. */
    public static class DenylistUnavailableException extends RuntimeException {

        DenylistUnavailableException(Throwable cause) {
            super("The access-token denylist (Redis) is unavailable: " + cause.getClass().getSimpleName(), cause);
        }
    }
}
