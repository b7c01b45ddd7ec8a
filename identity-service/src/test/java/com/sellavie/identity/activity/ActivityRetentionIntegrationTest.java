package com.sellavie.identity.activity;

import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.identity.support.IdentityApi;
import com.sellavie.identity.support.IdentityDatabase;
import com.sellavie.identity.support.IdentityIntegrationTest;
import com.sellavie.identity.support.TestBusinesses;
import com.sellavie.identity.support.TestBusinesses.Member;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The purge (default settings: activity 365 days, ended sessions 30 days): old entries, old security
 * events and long-ended sessions' refresh tokens go; recent ones and live sessions stay.
 */
@IdentityIntegrationTest
class ActivityRetentionIntegrationTest {

    @LocalServerPort
    int port;

    @Value("${spring.datasource.url}")
    String databaseUrl;

    @Autowired
    ActivityRetention retention;

    @Test
    void deletesWhatIsPastRetentionAndKeepsTheRest() {
        IdentityApi api = new IdentityApi(port);
        Member owner = new TestBusinesses(api).signUp();
        IdentityDatabase database = new IdentityDatabase(databaseUrl);
        UUID business = UUID.fromString(owner.businessId());
        UUID user = UUID.fromString(owner.userId());
        Instant now = Instant.now();
        UUID oldEntry = entry(database, business, now.minus(Duration.ofDays(366)));
        UUID recentEntry = entry(database, business, now.minus(Duration.ofDays(364)));
        UUID oldEvent = UUID.randomUUID();
        database.update("INSERT INTO security_events (id, business_id, user_id, kind, occurred_at) "
                + "VALUES (?, ?, ?, 'REFRESH_TOKEN_REUSE', ?)", oldEvent, business, user,
                Timestamp.from(now.minus(Duration.ofDays(400))));
        UUID endedSession = session(database, business, user, now.minus(Duration.ofDays(70)),
                now.minus(Duration.ofDays(40)));
        UUID endingSession = session(database, business, user, now.minus(Duration.ofDays(20)),
                now.plus(Duration.ofDays(10)));

        retention.deleteExpired();

        assertThat(database.countWith("SELECT count(*) FROM activity_entries WHERE id = ?", oldEntry)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM activity_entries WHERE id = ?", recentEntry)).isOne();
        assertThat(database.countWith("SELECT count(*) FROM security_events WHERE id = ?", oldEvent)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", endedSession)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM sessions WHERE id = ?", endedSession)).isZero();
        assertThat(database.countWith("SELECT count(*) FROM refresh_tokens WHERE session_id = ?", endingSession)).isOne();
        // The owner's sign-up session (live) and its recent security event are untouched.
        assertThat(database.countWith("SELECT count(*) FROM sessions WHERE business_id = ? AND revoked_at IS NULL "
                + "AND expires_at > now()", business)).isEqualTo(2);
        assertThat(database.countWith("SELECT count(*) FROM security_events WHERE business_id = ? AND kind = 'SIGNED_IN'",
                business)).isOne();
    }

    private static UUID entry(IdentityDatabase database, UUID business, Instant at) {
        UUID id = UUID.randomUUID();
        database.update("INSERT INTO activity_entries (id, business_id, occurred_at, category, kind) "
                + "VALUES (?, ?, ?, 'CHANNELS', 'CHANNEL_CONNECTED')", id, business, Timestamp.from(at));
        return id;
    }

    /** A session with one refresh token, used last at {@code lastUsed}, expiring at {@code expires}. */
    private static UUID session(IdentityDatabase database, UUID business, UUID user, Instant lastUsed, Instant expires) {
        UUID id = UUID.randomUUID();
        database.update("INSERT INTO sessions (id, business_id, user_id, created_at, last_used_at, expires_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", id, business, user, Timestamp.from(lastUsed), Timestamp.from(lastUsed),
                Timestamp.from(expires));
        database.update("INSERT INTO refresh_tokens (token_hash, session_id, business_id, created_at) "
                + "VALUES (sha256(convert_to(?, 'UTF8')), ?, ?, ?)", id.toString(), id, business, Timestamp.from(lastUsed));
        return id;
    }
}
