package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.gateway.CountedRedis;
import com.sellavie.gateway.Revocations;
import com.sellavie.gateway.security.Admission.Verdict;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import reactor.core.publisher.Mono;

/**
 * The gateway's copy of the denylist against the machine's Redis, with entries written as identity writes them: the
 * same verdict as the services' for every entry identity can write, a revocation seen within one refresh, no Redis
 * command per request, and fail closed until the first read and whenever the copy is older than its max age.
 */
class DenylistTest {

    private static final Duration MAX_AGE = Duration.ofSeconds(5);
    private static CountedRedis counted;
    private static ReactiveStringRedisTemplate redis;

    private final AtomicLong clock = new AtomicLong(System.nanoTime());
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

    @BeforeAll
    static void connect() {
        counted = new CountedRedis();
        redis = counted.template();
    }

    @AfterAll
    static void disconnect() {
        counted.close();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
        "nothing revoked                                   | none | none      | 0  | ADMITTED",
        "its session revoked                               | 1    | none      | 0  | REVOKED",
        "member revoked in the second the token was issued | none | T         | 0  | REVOKED",
        "member revoked after it was issued                | none | T         | 10 | REVOKED",
        "member revoked before it was issued               | none | T         | -1 | ADMITTED",
        "member entry with spaces around it                | none | ' T '     | 0  | REVOKED",
        "member entry empty (unreadable: all revoked)      | none | ''        | -1 | REVOKED",
        "member entry not a number                         | none | soon      | -1 | REVOKED",
        "member entry not whole seconds                    | none | 1.5       | -1 | REVOKED",
        "member entry with a plus sign, before issue       | none | +T        | -1 | ADMITTED",
        "member entry with a plus sign, after issue        | none | +T        | 5  | REVOKED",
    })
    void theCopyGivesTheServicesVerdict(String name, String session, String member, long revokedAfterIssue,
            Verdict expected) {
        Instant issued = Instant.now().minusSeconds(60);
        Jwt token = token(UUID.randomUUID().toString(), issued);
        if (session != null) {
            Revocations.write(redis, sessionKey(token), session);
        }
        if (member != null) {
            String revokedUpTo = Long.toString(issued.getEpochSecond() + revokedAfterIssue);
            Revocations.write(redis, memberKey(token), member.replace("T", revokedUpTo));
        }
        DenylistReplica replica = replica(redis);

        replica.refreshNow().block();

        assertThat(new Denylist(replica, null).admit(token).block().verdict()).isEqualTo(expected);
    }

    @Test
    void aRevocationReachesARunningCopyWithinOneRefresh() {
        DenylistReplica replica = new DenylistReplica(redis, Duration.ofMillis(200), Duration.ofSeconds(2), MAX_AGE,
                meters);
        Jwt token = token(UUID.randomUUID().toString(), Instant.now());
        replica.start();
        try {
            await().atMost(Duration.ofSeconds(5)).until(() -> verdict(replica, token) == Verdict.ADMITTED);

            Revocations.write(redis, sessionKey(token), "1");

            await().atMost(Duration.ofSeconds(2)).until(() -> verdict(replica, token) == Verdict.REVOKED);
        } finally {
            replica.stop();
        }
    }

    @Test
    void anEntryGoneFromRedisNoLongerRevokes() {
        Jwt token = token(UUID.randomUUID().toString(), Instant.now().minusSeconds(60));
        Revocations.write(redis, sessionKey(token), "1");
        DenylistReplica replica = replica(redis);
        replica.refreshNow().block();
        assertThat(verdict(replica, token)).isEqualTo(Verdict.REVOKED);

        redis.delete(sessionKey(token)).block();
        replica.refreshNow().block();

        assertThat(verdict(replica, token)).isEqualTo(Verdict.ADMITTED);
    }

    @Test
    void checkingATokenAsksRedisNothing() {
        DenylistReplica replica = replica(redis);
        replica.refreshNow().block();
        Denylist denylist = new Denylist(replica, null);
        Jwt token = token(UUID.randomUUID().toString(), Instant.now());

        counted.commandsSinceLastAsked();
        for (int i = 0; i < 100; i++) {
            assertThat(denylist.admit(token).block()).isEqualTo(Admission.ADMITTED);
        }

        assertThat(counted.commandsSinceLastAsked()).isZero();
    }

    @Test
    void untilTheFirstReadAndOnceTheCopyIsTooOldEveryTokenIsUnavailable() {
        DenylistReplica replica = replica(redis);
        Jwt token = token(UUID.randomUUID().toString(), Instant.now());
        assertThat(verdict(replica, token)).as("before the first read").isEqualTo(Verdict.UNAVAILABLE);

        replica.refreshNow().block();
        clock.addAndGet(MAX_AGE.toNanos());
        assertThat(verdict(replica, token)).as("at its max age").isEqualTo(Verdict.ADMITTED);

        clock.addAndGet(1);
        assertThat(verdict(replica, token)).as("past its max age").isEqualTo(Verdict.UNAVAILABLE);
        assertThat(meters.get("sellavie.gateway.denylist.age").gauge().value())
                .isGreaterThan(MAX_AGE.toSeconds());
    }

    @Test
    void aRevokedTokenTakesNothingFromItsBusinessBucket() {
        Jwt revoked = token(UUID.randomUUID().toString(), Instant.now());
        Revocations.write(redis, sessionKey(revoked), "1");
        DenylistReplica replica = replica(redis);
        replica.refreshNow().block();
        AtomicInteger taken = new AtomicInteger();
        Denylist denylist = new Denylist(replica, business -> {
            taken.incrementAndGet();
            return Mono.just(taken.get() <= 2 ? ApiBucket.Taken.ALLOWED : new ApiBucket.Taken(false, 7));
        });

        for (int i = 0; i < 5; i++) {
            assertThat(denylist.admit(revoked).block()).isEqualTo(Admission.REVOKED);
        }
        assertThat(taken).hasValue(0);

        Jwt valid = token(revoked.getClaimAsString("business_id"), Instant.now());
        assertThat(denylist.admit(valid).block()).isEqualTo(Admission.ADMITTED);
        assertThat(denylist.admit(valid).block()).isEqualTo(Admission.ADMITTED);
        assertThat(denylist.admit(valid).block()).isEqualTo(Admission.limited(7));
    }

    @Test
    void redisThatDoesNotAnswerInTimeLeavesNoCopyAndIsCounted() {
        // A server that accepts the connection and never answers.
        try (DenylistOutageTest.SilentServer silent = new DenylistOutageTest.SilentServer()) {
            LettuceConnectionFactory silentFactory = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", silent.port()), LettuceClientConfiguration.builder()
                            .commandTimeout(Duration.ofSeconds(1)).shutdownTimeout(Duration.ZERO).build());
            silentFactory.afterPropertiesSet();
            silentFactory.start();
            try {
                DenylistReplica slow = new DenylistReplica(new ReactiveStringRedisTemplate(silentFactory),
                        Duration.ofSeconds(1), Duration.ofMillis(200), MAX_AGE, meters, clock::get);

                slow.refreshNow().block(Duration.ofSeconds(10));

                assertThat(verdict(slow, token(UUID.randomUUID().toString(), Instant.now())))
                        .isEqualTo(Verdict.UNAVAILABLE);
                assertThat(meters.counter("sellavie.security.denylist.failures").count()).isEqualTo(1);
            } finally {
                silentFactory.destroy();
            }
        }
    }

    private DenylistReplica replica(ReactiveStringRedisTemplate template) {
        return new DenylistReplica(template, Duration.ofSeconds(1), Duration.ofSeconds(5), MAX_AGE, meters, clock::get);
    }

    private static Verdict verdict(DenylistReplica replica, Jwt token) {
        return new Denylist(replica, null).admit(token).block().verdict();
    }

    private static Jwt token(String business, Instant issued) {
        return Jwt.withTokenValue("token").header("alg", "RS256")
                .subject(UUID.randomUUID().toString())
                .claim("sid", UUID.randomUUID().toString())
                .claim("business_id", business)
                .issuedAt(issued).expiresAt(issued.plusSeconds(900))
                .build();
    }

    private static String sessionKey(Jwt token) {
        return Revocations.sessionKey(token.getClaimAsString("sid"));
    }

    private static String memberKey(Jwt token) {
        return Revocations.memberKey(token.getClaimAsString("business_id"), token.getSubject());
    }
}
