package com.sellavie.identity.recovery;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.email.AccountEmails;
import com.sellavie.identity.email.AccountEmails.Kind;
import com.sellavie.identity.email.EmailThrottle;
import com.sellavie.identity.email.OneTimeToken;
import com.sellavie.identity.recovery.AccountTokens.Purpose;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Proves a new account's owner receives mail at its address: sign-up stores a verification token's hash
 * and requests the EMAIL_VERIFICATION email (in the sign-up's transaction); the link's token, presented
 * once before it expires, marks the address verified. Access tokens say so ({@code email_verified}).
 */
@Service
@EnableConfigurationProperties(RecoveryProperties.class)
public class EmailVerification {

    private static final Logger log = LoggerFactory.getLogger(EmailVerification.class);

    private final AccountTokens tokens;
    private final Accounts accounts;
    private final AccountEmails emails;
    private final EmailThrottle throttle;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final RecoveryProperties properties;
    private final Clock clock = Clock.systemUTC();

    EmailVerification(AccountTokens tokens, Accounts accounts, AccountEmails emails, EmailThrottle throttle,
            Tenancy tenancy, TransactionTemplate transactions, RecoveryProperties properties) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.emails = emails;
        this.throttle = throttle;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Within the caller's transaction: a new token for {@code userId} and the email carrying its link. */
    public void send(UUID userId, String email, UUID businessId, String businessName) {
        String token = OneTimeToken.generate();
        Instant now = now();
        Instant expiresAt = now.plus(properties.verificationTtl());
        tokens.add(OneTimeToken.hash(token), userId, Purpose.EMAIL_VERIFICATION, now, expiresAt);
        emails.request(AccountEmails.Request.of(Kind.EMAIL_VERIFICATION, email, userId)
                .forBusiness(businessId, businessName)
                .withLink(emails.link("/verify-email", token), expiresAt));
    }

    /** A signed-in user asks again (at most once per minute); nothing is sent once the address is verified. */
    void resend(UUID userId, UUID businessId) {
        throttle.checkResend(userId.toString());
        if (accounts.emailVerified(userId)) {
            return;
        }
        // The token's business names the email; a membership ended meanwhile still gets the email, unnamed.
        Optional<Accounts.Member> member = tenancy.callAs(businessId, () -> accounts.member(userId, businessId));
        String email = member.map(Accounts.Member::email).or(() -> accounts.email(userId))
                .orElseThrow(() -> new IllegalStateException("No user " + userId));
        transactions.executeWithoutResult(status -> send(userId, email, member.isPresent() ? businessId : null,
                member.map(Accounts.Member::businessName).orElse(null)));
        log.info("Verification email sent again for user {}", userId);
    }

    /** Spends {@code token} and marks its account's address verified; unknown, used or expired: refused. */
    void verify(String token) {
        if (!OneTimeToken.plausible(token)) {
            throw new InvalidTokenException();
        }
        UUID userId = transactions.execute(status -> {
            Instant now = now();
            AccountTokens.Token found = tokens.lock(OneTimeToken.hash(token), Purpose.EMAIL_VERIFICATION)
                    .filter(candidate -> candidate.usableAt(now))
                    .orElseThrow(InvalidTokenException::new);
            tokens.spendAll(found.userId(), Purpose.EMAIL_VERIFICATION, now);
            accounts.markEmailVerified(found.userId(), now);
            return found.userId();
        });
        log.info("User {} verified their email address", userId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
