package com.sellavie.conversation.channel;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * "Connect with Facebook": {@link #start} hands out Meta's OAuth dialog URL with a fresh state (256
 * random bits, stored only hashed, for this business and member, single use, 10 minutes);
 * {@link #callback} spends the state, exchanges the code for a long-lived user token and keeps what the
 * user can connect as an encrypted session (15 minutes); the merchant's picks then go through the same
 * connect path as a pasted token ({@link FacebookConnections}).
 */
@Service
class FacebookLogin {

    static final Duration STATE_LIFETIME = Duration.ofMinutes(10);
    static final Duration SESSION_LIFETIME = Duration.ofMinutes(15);
    private static final Logger log = LoggerFactory.getLogger(FacebookLogin.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the console sends the browser to, and the state it will see again on the callback. */
    record Started(String authorizeUrl, String state) {
    }

    private final FacebookLoginProperties properties;
    private final FacebookLoginRepository logins;
    private final FacebookAccounts accounts;
    private final FacebookSessions sessions;
    private final TransactionTemplate transaction;
    private final MeterRegistry meters;

    FacebookLogin(FacebookLoginProperties properties, FacebookLoginRepository logins, FacebookAccounts accounts,
            FacebookSessions sessions, PlatformTransactionManager transactions, MeterRegistry meters) {
        this.properties = properties;
        this.logins = logins;
        this.accounts = accounts;
        this.sessions = sessions;
        this.transaction = new TransactionTemplate(transactions);
        this.meters = meters;
    }

    boolean configured() {
        return properties.configured();
    }

    Started start(String memberId) {
        requireConfigured();
        UUID businessId = TenantContext.requireBusinessId();
        byte[] random = new byte[32];
        RANDOM.nextBytes(random);
        String state = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        transaction.executeWithoutResult(status -> {
            logins.purgeExpired(businessId, now);
            logins.insert(UuidCreator.getTimeOrderedEpoch(), businessId, memberId, hash(state),
                    now.plus(STATE_LIFETIME), now);
        });
        return new Started(dialogUrl(properties, state), state);
    }

    /** Meta's OAuth dialog: a Login for Business configuration when one is set, else the permissions by scope. */
    static String dialogUrl(FacebookLoginProperties properties, String state) {
        String scope = properties.configId() != null ? "&config_id=" + encode(properties.configId())
                : "&scope=" + encode(FacebookLoginProperties.SCOPES);
        return properties.dialogUrl() + "?client_id=" + encode(properties.appId()) + "&redirect_uri="
                + encode(properties.redirectUri()) + "&state=" + encode(state) + "&response_type=code" + scope;
    }

    /** The code Meta gave the browser, for the state this member was given: the accounts to pick from. */
    FacebookSessions.Session callback(String memberId, String code, String state) {
        requireConfigured();
        UUID businessId = TenantContext.requireBusinessId();
        UUID loginId = spendState(businessId, memberId, state);
        List<FacebookChoice> choices;
        try {
            choices = accounts.choices(accounts.userToken(code));
        } catch (GraphApiClient.Refused refused) {
            meters.counter("sellavie.channels.facebook_login.refusals", "reason", "CODE_REFUSED").increment();
            log.warn("Facebook Login of business {} refused by Meta (code {}): {}", businessId, refused.code(),
                    refused.getMessage());
            throw new FacebookLoginRefusedException(FacebookLoginRefusedException.CODE_REFUSED,
                    "Meta refused the sign-in (" + refused.getMessage() + "). Connect with Facebook again.");
        }
        FacebookSessions.Session session = sessions.store(businessId, loginId, choices);
        log.info("Facebook Login {} of business {}: {} accounts offered", loginId, businessId, choices.size());
        return session;
    }

    private UUID spendState(UUID businessId, String memberId, String state) {
        Instant now = Instant.now();
        // Another business's state is not found here (row-level security): the same answer as a made-up one.
        FacebookLoginRepository.StoredLogin login = logins.findByStateHash(businessId, hash(state))
                .filter(found -> found.memberId().equals(memberId))
                .orElseThrow(() -> refused(FacebookLoginRefusedException.STATE_INVALID,
                        "This sign-in was not started by you in this business. Connect with Facebook again."));
        if (login.stateUsedAt() != null) {
            throw refused(FacebookLoginRefusedException.STATE_USED,
                    "This sign-in was already completed. Connect with Facebook again.");
        }
        if (login.stateExpiresAt().isBefore(now)) {
            throw refused(FacebookLoginRefusedException.STATE_EXPIRED,
                    "This sign-in expired (10 minutes). Connect with Facebook again.");
        }
        if (!logins.useState(businessId, login.id(), now)) {
            throw refused(FacebookLoginRefusedException.STATE_USED,
                    "This sign-in was already completed. Connect with Facebook again.");
        }
        return login.id();
    }

    private FacebookLoginRefusedException refused(String reason, String detail) {
        meters.counter("sellavie.channels.facebook_login.refusals", "reason", reason).increment();
        log.warn("Facebook Login callback refused: {}", reason);
        return new FacebookLoginRefusedException(reason, detail);
    }

    private void requireConfigured() {
        if (!properties.configured()) {
            throw new FacebookLoginNotConfiguredException();
        }
    }

    static byte[] hash(String state) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(state.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
