package com.sellavie.identity.recovery;

import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.auth.EmailAddress;
import com.sellavie.identity.auth.PasswordPolicy;
import com.sellavie.identity.email.AccountEmails;
import com.sellavie.identity.email.AccountEmails.Kind;
import com.sellavie.identity.email.EmailThrottle;
import com.sellavie.identity.email.OneTimeToken;
import com.sellavie.identity.recovery.AccountTokens.Purpose;
import com.sellavie.identity.session.AccountSessions;
import com.sellavie.identity.session.ClientInfo;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A forgotten password: a request answers the same whether or not the address has an account, and
 * sends a 1-hour, single-use link only when it has one; the link's token sets a new password (policy
 * applied), spends every reset link of the account, counts as proof of the address, and ends every
 * session of the account everywhere (security event {@code PASSWORD_RESET}).
 */
@Service
class PasswordReset {

    private static final Logger log = LoggerFactory.getLogger(PasswordReset.class);

    private final AccountTokens tokens;
    private final Accounts accounts;
    private final AccountEmails emails;
    private final EmailThrottle throttle;
    private final AccountSessions sessions;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final RecoveryProperties properties;
    private final Clock clock = Clock.systemUTC();

    PasswordReset(AccountTokens tokens, Accounts accounts, AccountEmails emails, EmailThrottle throttle,
            AccountSessions sessions, PasswordEncoder passwords, TransactionTemplate transactions,
            RecoveryProperties properties) {
        this.tokens = tokens;
        this.accounts = accounts;
        this.emails = emails;
        this.throttle = throttle;
        this.sessions = sessions;
        this.passwords = passwords;
        this.transactions = transactions;
        this.properties = properties;
    }

    /** Sends a reset link to {@code rawEmail} if it has an account; the caller answers 202 either way. */
    void request(String rawEmail, String clientAddress) {
        String email = EmailAddress.normalise(rawEmail);
        EmailAddress.problem(email).ifPresent(problem -> {
            throw new InvalidRecoveryInputException(Map.of("email", problem));
        });
        throttle.check("password-reset", email, clientAddress);
        Optional<Accounts.LoginCandidate> account = accounts.loginCandidate(email);
        if (account.isEmpty()) {
            return;
        }
        UUID userId = account.get().userId();
        String token = OneTimeToken.generate();
        Instant now = now();
        Instant expiresAt = now.plus(properties.resetTtl());
        transactions.executeWithoutResult(status -> {
            // Only the newest link works: an older one lying in a mailbox is spent.
            tokens.spendAll(userId, Purpose.PASSWORD_RESET, now);
            tokens.add(OneTimeToken.hash(token), userId, Purpose.PASSWORD_RESET, now, expiresAt);
            emails.request(AccountEmails.Request.of(Kind.PASSWORD_RESET, account.get().email(), userId)
                    .withLink(emails.link("/reset-password", token), expiresAt));
        });
        log.info("Password reset requested for user {}", userId);
    }

    /** Sets {@code password} for the token's account and ends its sessions; bad token: refused, nothing changed. */
    void confirm(String token, String password, ClientInfo client) {
        if (!OneTimeToken.plausible(token)) {
            throw new InvalidTokenException();
        }
        byte[] hash = OneTimeToken.hash(token);
        // A first, unlocked look: the policy needs the address, and bcrypt must not hold a row lock.
        UUID userId = transactions.execute(status -> tokens.lock(hash, Purpose.PASSWORD_RESET))
                .filter(found -> found.usableAt(now())).map(AccountTokens.Token::userId)
                .orElseThrow(InvalidTokenException::new);
        String email = accounts.email(userId).orElseThrow(InvalidTokenException::new);
        PasswordPolicy.problem(password, email).ifPresent(problem -> {
            throw new InvalidRecoveryInputException(Map.of("password", problem));
        });
        String newHash = passwords.encode(password);
        transactions.executeWithoutResult(status -> {
            Instant now = now();
            tokens.lock(hash, Purpose.PASSWORD_RESET).filter(found -> found.usableAt(now))
                    .orElseThrow(InvalidTokenException::new);
            tokens.spendAll(userId, Purpose.PASSWORD_RESET, now);
            accounts.updatePasswordHash(userId, newHash);
            // The link reached the address's mailbox: as good a proof as the verification link.
            accounts.markEmailVerified(userId, now);
        });
        sessions.endAfterPasswordReset(userId, accounts.businessesOf(userId), client);
        log.info("User {} reset their password; their sessions ended", userId);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
