package com.sellavie.identity.session;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.session.SessionExceptions.InvalidRefreshTokenException;
import com.sellavie.identity.session.SessionExceptions.RefreshRaceException;
import com.sellavie.identity.session.SessionExceptions.SessionNotFoundException;
import com.sellavie.identity.token.AccessTokens;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Starts, rotates and ends login sessions. Each refresh spends the presented token and issues its
 * successor in the same family (the session); the rows are locked, so of two refreshes racing with one
 * token exactly one rotates. The loser, within {@code reuse-grace} and while the successor is unused,
 * gets a 409 (retry with the newest cookie); any other spent token coming back is reuse: the whole
 * session is revoked, a {@code REFRESH_TOKEN_REUSE} security event recorded, and its sid denylisted
 * so its access tokens die everywhere within seconds.
 */
@Service
@EnableConfigurationProperties(SessionProperties.class)
public class SessionManagement {

    private static final Logger log = LoggerFactory.getLogger(SessionManagement.class);

    private final Sessions sessions;
    private final SecurityEvents events;
    private final Accounts accounts;
    private final AccessTokens tokens;
    private final RevocationList revocations;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final SessionProperties properties;
    private final MeterRegistry meters;
    private final Clock clock = Clock.systemUTC();
    /** Logout and revocation do not see the request's client; the entry names the session instead. */
    private static final ClientInfo NO_CLIENT = new ClientInfo(null, null);

    SessionManagement(Sessions sessions, SecurityEvents events, Accounts accounts, AccessTokens tokens,
            RevocationList revocations, Tenancy tenancy, TransactionTemplate transactions,
            SessionProperties properties, MeterRegistry meters) {
        this.sessions = sessions;
        this.events = events;
        this.accounts = accounts;
        this.tokens = tokens;
        this.revocations = revocations;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.properties = properties;
        this.meters = meters;
    }

    /** A new session for {@code member} (after a password check or sign-up), with its first tokens. */
    public SignedIn start(Member member, ClientInfo client) {
        return start(member, client, List.of(AccessTokens.PASSWORD));
    }

    /** As {@link #start(Member, ClientInfo)}, for a user who proved themselves with {@code methods} ({@code amr}). */
    public SignedIn start(Member member, ClientInfo client, List<String> methods) {
        Instant now = now();
        Session session = new Session(UuidCreator.getTimeOrderedEpoch(), member.businessId(), member.userId(),
                client.device(), client.ip(), now, now, now.plus(properties.absoluteTtl()), null, methods);
        String refreshToken = RefreshTokenValue.generate();
        tenancy.runAs(member.businessId(), () -> transactions.executeWithoutResult(status -> {
            sessions.add(session);
            sessions.addToken(RefreshTokenValue.hash(refreshToken), session.id(), session.businessId(), now);
            events.record(SecurityEvents.SIGNED_IN, session, client, now);
        }));
        return SignedIn.of(member, tokens.issue(member.userId(), member.businessId(), member.role(), session.id(),
                session.methods()), refreshToken, session.expiresAt());
    }

    /** Rotates {@code refreshToken}: its successor and a new access token, or a refusal. */
    public SignedIn refresh(String refreshToken, ClientInfo client) {
        if (!RefreshTokenValue.plausible(refreshToken)) {
            throw new InvalidRefreshTokenException();
        }
        byte[] hash = RefreshTokenValue.hash(refreshToken);
        UUID businessId = sessions.businessOfToken(hash).orElseThrow(InvalidRefreshTokenException::new);
        Rotation rotation = tenancy.callAs(businessId, () -> transactions.execute(status -> rotate(hash, client)));
        return switch (rotation) {
            case Rotation.Rotated rotated -> signedIn(rotated.member(), rotated.session(), rotated.successor());
            case Rotation.Race race -> throw new RefreshRaceException();
            case Rotation.Revoked revoked -> {
                revocations.revokeSession(revoked.session().id());
                throw new InvalidRefreshTokenException();
            }
            case Rotation.Refused refused -> throw new InvalidRefreshTokenException();
        };
    }

    /**
     * Ends the session the refresh token (browser cookie or body) or else the access token's {@code sid}
     * names, and denylists its sid. Idempotent: an already ended session is denylisted again.
     */
    public void logOut(String refreshToken, UUID businessIdOfAccessToken, UUID userId, UUID sidOfAccessToken) {
        Optional<Session> ended = Optional.empty();
        if (RefreshTokenValue.plausible(refreshToken)) {
            byte[] hash = RefreshTokenValue.hash(refreshToken);
            ended = sessions.businessOfToken(hash).flatMap(businessId -> tenancy.callAs(businessId,
                    () -> transactions.execute(status -> sessions.lockToken(hash).map(token -> {
                        sessions.revoke(token.session().id(), RevocationReason.LOGOUT, now());
                        events.record(SecurityEvents.LOGGED_OUT, token.session(), NO_CLIENT, now());
                        return token.session();
                    }))));
        }
        if (ended.isEmpty() && sidOfAccessToken != null) {
            ended = end(sidOfAccessToken, userId, businessIdOfAccessToken, RevocationReason.LOGOUT);
        }
        ended.ifPresent(session -> revocations.revokeSession(session.id()));
    }

    /** {@code userId}'s live sessions in {@code businessId} (the current tenant). */
    public List<Session> active(UUID userId, UUID businessId) {
        return sessions.active(userId, businessId, now(), properties.idleTtl());
    }

    /** Ends {@code userId}'s session {@code sessionId}; someone else's (or none) is {@link SessionNotFoundException}. */
    public void revoke(UUID sessionId, UUID userId, UUID businessId) {
        Session session = end(sessionId, userId, businessId, RevocationReason.REVOKED)
                .orElseThrow(SessionNotFoundException::new);
        revocations.revokeSession(session.id());
    }

    private Optional<Session> end(UUID sessionId, UUID userId, UUID businessId, RevocationReason reason) {
        return tenancy.callAs(businessId, () -> transactions.execute(status -> {
            Optional<Session> session = sessions.ofUser(sessionId, userId, businessId);
            session.ifPresent(found -> {
                sessions.revoke(found.id(), reason, now());
                events.record(reason == RevocationReason.LOGOUT ? SecurityEvents.LOGGED_OUT
                        : SecurityEvents.SESSION_REVOKED, found, NO_CLIENT, now());
            });
            return session;
        }));
    }

    private Rotation rotate(byte[] hash, ClientInfo client) {
        Optional<Sessions.PresentedToken> presented = sessions.lockToken(hash);
        if (presented.isEmpty()) {
            return new Rotation.Refused();
        }
        Instant now = now();
        Session session = presented.get().session();
        if (presented.get().usedAt() != null) {
            if (session.revokedAt() != null) {
                return new Rotation.Refused();
            }
            if (presented.get().successorUnused() && now.isBefore(presented.get().usedAt().plus(properties.reuseGrace()))) {
                meters.counter("sellavie.identity.refresh", "outcome", "race").increment();
                return new Rotation.Race();
            }
            sessions.revoke(session.id(), RevocationReason.REFRESH_TOKEN_REUSE, now);
            events.record(SecurityEvents.REFRESH_TOKEN_REUSE, session, client, now);
            meters.counter("sellavie.identity.refresh", "outcome", "reuse").increment();
            log.warn("Refresh token reuse in session {} of user {} (business {}), presented from {}: session revoked",
                    session.id(), session.userId(), session.businessId(), client.ip());
            return new Rotation.Revoked(session);
        }
        if (!session.liveAt(now, properties.idleTtl())) {
            return new Rotation.Refused();
        }
        Optional<Member> member = accounts.member(session.userId(), session.businessId());
        if (member.isEmpty()) {
            sessions.revoke(session.id(), RevocationReason.MEMBERSHIP_ENDED, now);
            return new Rotation.Revoked(session);
        }
        String successor = RefreshTokenValue.generate();
        byte[] successorHash = RefreshTokenValue.hash(successor);
        sessions.addToken(successorHash, session.id(), session.businessId(), now);
        sessions.spend(hash, successorHash, now);
        sessions.touch(session.id(), client, now);
        meters.counter("sellavie.identity.refresh", "outcome", "rotated").increment();
        return new Rotation.Rotated(session, member.get(), successor);
    }

    /** The rotated session's tokens: its {@code amr} is the one of its log-in, so a 2FA session stays one. */
    private SignedIn signedIn(Member member, Session session, String refreshToken) {
        return SignedIn.of(member, tokens.issue(member.userId(), member.businessId(), member.role(), session.id(),
                session.methods()), refreshToken, session.expiresAt());
    }

    private Instant now() {
        // Microseconds: what PostgreSQL keeps, so times read back compare equal to those written.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** What a refresh transaction decided; the denylist write and token signing happen after it commits. */
    private sealed interface Rotation {

        record Rotated(Session session, Member member, String successor) implements Rotation {
        }

        record Race() implements Rotation {
        }

        record Revoked(Session session) implements Rotation {
        }

        record Refused() implements Rotation {
        }
    }
}
