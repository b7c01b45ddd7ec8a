package com.sellavie.identity.mfa;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.stereotype.Component;

/**
 * The log-in challenge between the password and the second factor: 256 random bits handed to the
 * client, kept in Redis only as its SHA-256 with the user and business it logs in to, for
 * {@link #TTL}. It allows {@value #MAX_ATTEMPTS} code attempts, then it is gone; a successful one
 * deletes it (single use: of two concurrent uses only the one whose delete removed it wins).
 */
@Component
class MfaChallenges {

    static final Duration TTL = Duration.ofMinutes(5);
    static final int MAX_ATTEMPTS = 5;
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final SecureRandom random = new SecureRandom();
    private final StringRedisTemplate redis;

    MfaChallenges(StringRedisTemplate redis) {
        this.redis = redis;
    }

    /** A new challenge for {@code userId} logging in to {@code businessId}. */
    String create(UUID userId, UUID businessId) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        String key = key(challenge);
        redis.opsForHash().putAll(key, Map.of("user", userId.toString(), "business", businessId.toString()));
        redis.expire(key, TTL);
        return challenge;
    }

    /**
     * Counts one attempt at {@code challenge}; empty when it is unknown, expired or out of attempts
     * (then it is deleted).
     */
    Optional<Pending> attempt(String challenge) {
        if (challenge == null || !SHAPE.matcher(challenge).matches()) {
            return Optional.empty();
        }
        String key = key(challenge);
        Object user = redis.opsForHash().get(key, "user");
        Object business = redis.opsForHash().get(key, "business");
        if (user == null || business == null) {
            return Optional.empty();
        }
        long attempts = redis.opsForHash().increment(key, "attempts", 1);
        if (attempts > MAX_ATTEMPTS) {
            redis.delete(key);
            return Optional.empty();
        }
        return Optional.of(new Pending(challenge, UUID.fromString(user.toString()),
                UUID.fromString(business.toString()), attempts == MAX_ATTEMPTS));
    }

    /** Spends the challenge; false when another request spent it first. */
    boolean spend(String challenge) {
        return Boolean.TRUE.equals(redis.delete(key(challenge)));
    }

    /** Ends a challenge whose last attempt failed. */
    void discard(String challenge) {
        redis.delete(key(challenge));
    }

    private static String key(String challenge) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(challenge.getBytes(StandardCharsets.US_ASCII));
            return "sellavie:mfa:challenge:" + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A live challenge: who logs in where, and whether this was its last allowed attempt. */
    record Pending(String challenge, UUID userId, UUID businessId, boolean lastAttempt) {

        @Override
        public String toString() {
            return "Pending[user=" + userId + ", business=" + businessId + "]";
        }
    }
}
