package com.sellavie.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.gateway.security.Admission.Verdict;
import io.lettuce.core.event.command.CommandListener;
import io.lettuce.core.event.command.CommandStartedEvent;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
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

/**
 * The denylist against the machine's Redis, both ways it is asked: alone (one {@code MGET}, rate limits off) and
 * together with the business's bucket (one script, rate limits on). Both give the same verdict for every entry
 * identity can write; the script takes nothing from the bucket for a revoked token; each is one command.
 */
class DenylistTest {

    private static final String PREFIX = "sellavie:test-denylist:" + UUID.randomUUID();
    private static final AtomicInteger COMMANDS = new AtomicInteger();
    private static LettuceConnectionFactory factory;
    private static ReactiveStringRedisTemplate redis;

    private final ApiBucket twoRequestsThenOnePerSecond = new TestBucket(1, 2);

    @BeforeAll
    static void connect() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        // Before the first command: Lettuce wires its listeners into a connection when it opens it.
        factory.getRequiredNativeClient().addListener(new CommandListener() {
            @Override
            public void commandStarted(CommandStartedEvent event) {
                COMMANDS.incrementAndGet();
            }
        });
        redis = new ReactiveStringRedisTemplate(factory);
    }

    @AfterAll
    static void disconnect() {
        factory.destroy();
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
    void bothWaysOfAskingGiveTheSameVerdict(String name, String session, String member, long revokedAfterIssue,
            Verdict expected) {
        Instant issued = Instant.now().minusSeconds(60);
        Jwt token = token(UUID.randomUUID().toString(), issued);
        if (session != null) {
            redis.opsForValue().set(sessionKey(token), session, Duration.ofMinutes(1)).block();
        }
        if (member != null) {
            String revokedUpTo = Long.toString(issued.getEpochSecond() + revokedAfterIssue);
            redis.opsForValue().set(memberKey(token), member.replace("T", revokedUpTo), Duration.ofMinutes(1)).block();
        }

        assertThat(alone().admit(token).block().verdict()).as("lookup alone").isEqualTo(expected);
        assertThat(withBucket().admit(token).block().verdict()).as("lookup and bucket").isEqualTo(expected);
    }

    @Test
    void aRevokedTokenTakesNothingFromItsBusinessBucket() {
        String business = UUID.randomUUID().toString();
        Jwt revoked = token(business, Instant.now());
        redis.opsForValue().set(sessionKey(revoked), "1", Duration.ofMinutes(1)).block();
        Denylist denylist = withBucket();

        for (int i = 0; i < 5; i++) {
            assertThat(denylist.admit(revoked).block()).isEqualTo(Admission.REVOKED);
        }

        // The business's other members still have its whole burst, then wait.
        Jwt valid = token(business, Instant.now());
        assertThat(denylist.admit(valid).block()).isEqualTo(Admission.ADMITTED);
        assertThat(denylist.admit(valid).block()).isEqualTo(Admission.ADMITTED);
        Admission third = denylist.admit(valid).block();
        assertThat(third.verdict()).isEqualTo(Verdict.LIMITED);
        assertThat(third.retryAfterSeconds()).isEqualTo(1);
    }

    @Test
    void eachWayIsOneRedisCommandPerRequest() {
        Jwt token = token(UUID.randomUUID().toString(), Instant.now());
        Denylist alone = alone();
        Denylist withBucket = withBucket();
        // The script's first run loads it (EVALSHA refused, then EVAL); from then on it is one EVALSHA.
        withBucket.admit(token).block();

        COMMANDS.set(0);
        alone.admit(token).block();
        assertThat(COMMANDS.get()).as("MGET").isEqualTo(1);

        COMMANDS.set(0);
        withBucket.admit(token).block();
        assertThat(COMMANDS.get()).as("EVALSHA").isEqualTo(1);
    }

    @Test
    void redisThatDoesNotAnswerInTimeIsUnavailableNotAdmitted() {
        // A server that accepts the connection and never answers (a 1-ns timeout against the real Redis raced its reply).
        try (DenylistOutageTest.SilentServer silent = new DenylistOutageTest.SilentServer()) {
            LettuceConnectionFactory silentFactory = new LettuceConnectionFactory(
                    new RedisStandaloneConfiguration("127.0.0.1", silent.port()), LettuceClientConfiguration.builder()
                            .commandTimeout(Duration.ofSeconds(1)).shutdownTimeout(Duration.ZERO).build());
            silentFactory.afterPropertiesSet();
            silentFactory.start();
            try {
                Denylist slow = new Denylist(new ReactiveStringRedisTemplate(silentFactory), Duration.ofMillis(200),
                        twoRequestsThenOnePerSecond, new SimpleMeterRegistry());

                assertThat(slow.admit(token(UUID.randomUUID().toString(), Instant.now())).block(Duration.ofSeconds(10)))
                        .isEqualTo(Admission.UNAVAILABLE);
            } finally {
                silentFactory.destroy();
            }
        }
    }

    private Denylist alone() {
        return new Denylist(redis, Duration.ofSeconds(5), null, new SimpleMeterRegistry());
    }

    private Denylist withBucket() {
        return new Denylist(redis, Duration.ofSeconds(5), twoRequestsThenOnePerSecond, new SimpleMeterRegistry());
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
        return "sellavie:revoked:sid:" + token.getClaimAsString("sid");
    }

    private static String memberKey(Jwt token) {
        return "sellavie:revoked:member:" + token.getClaimAsString("business_id") + ":" + token.getSubject();
    }

    /** A business bucket as the rate limits configure one, on Spring Cloud Gateway's own script. */
    private record TestBucket(int rate, int burst) implements ApiBucket {

        @Override
        public String script() {
            try (InputStream in = getClass().getResourceAsStream("/META-INF/scripts/request_rate_limiter.lua")) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public List<String> keys(String businessId) {
            String id = PREFIX + ":{api:business:" + businessId + "}";
            return List.of(id + ":tokens", id + ":timestamp");
        }

        @Override
        public List<String> args() {
            return List.of(Integer.toString(rate), Integer.toString(burst), "", "1");
        }

        @Override
        public long retryAfterSeconds(long tokensLeft) {
            return Math.max(1, (1 - tokensLeft + rate - 1) / rate);
        }
    }
}
