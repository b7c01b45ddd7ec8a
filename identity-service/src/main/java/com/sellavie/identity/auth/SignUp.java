package com.sellavie.identity.auth;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.LoginCandidate;
import com.sellavie.identity.email.AccountEmails;
import com.sellavie.identity.email.AccountEmails.Kind;
import com.sellavie.identity.email.EmailThrottle;
import com.sellavie.identity.messaging.BusinessEvents;
import com.sellavie.identity.recovery.EmailVerification;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a business with its owner: the user (address not yet verified), the business, the OWNER
 * membership, the {@code BusinessRegistered} event and the verification email, in one transaction run
 * as the new business (its tenant). An address that already has an account gets an ACCOUNT_EXISTS email
 * instead and nothing else changes; the caller answers both alike, and both pay the bcrypt hash, so
 * neither the answer nor its timing tells whether the address is registered.
 */
@Service
class SignUp {

    private static final Logger log = LoggerFactory.getLogger(SignUp.class);

    private final Accounts accounts;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final EmailVerification verification;
    private final AccountEmails emails;
    private final EmailThrottle throttle;
    private final Clock clock = Clock.systemUTC();

    SignUp(Accounts accounts, Outbox outbox, Tenancy tenancy, TransactionTemplate transactions,
            PasswordEncoder passwords, EmailVerification verification, AccountEmails emails, EmailThrottle throttle) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.passwords = passwords;
        this.verification = verification;
        this.emails = emails;
        this.throttle = throttle;
    }

    /** @param clientAddress where the request comes from ({@link com.sellavie.identity.throttle.ClientAddress}) */
    void register(AuthRequests.ValidSignup signup, String clientAddress) {
        throttle.check("signup", signup.email(), clientAddress);
        // Hashed before the transaction (bcrypt must not hold a connection), and for a taken address too.
        String hash = passwords.encode(signup.password());
        Optional<LoginCandidate> existing = accounts.loginCandidate(signup.email());
        if (existing.isPresent()) {
            tellOwner(existing.get());
            return;
        }
        UUID userId = UuidCreator.getTimeOrderedEpoch();
        UUID businessId = UuidCreator.getTimeOrderedEpoch();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        try {
            tenancy.runAs(businessId, () -> transactions.executeWithoutResult(status -> {
                accounts.addUser(userId, signup.email(), hash);
                accounts.addBusiness(businessId, signup.businessName());
                accounts.addMembership(businessId, userId, Role.OWNER);
                outbox.publish(BusinessEvents.registered(businessId, signup.businessName(), userId, now),
                        businessId.toString());
                verification.send(userId, signup.email(), businessId, signup.businessName());
            }));
        } catch (DuplicateKeyException e) {
            // A concurrent sign-up with this address won the unique index: its owner is told, as above.
            accounts.loginCandidate(signup.email()).ifPresent(this::tellOwner);
            return;
        }
        log.info("Registered business {} with owner {} (email not verified yet)", businessId, userId);
    }

    /** Someone signed up with this account's address: its owner learns it (and how to get back in). */
    private void tellOwner(LoginCandidate account) {
        transactions.executeWithoutResult(status -> emails.request(
                AccountEmails.Request.of(Kind.ACCOUNT_EXISTS, account.email(), account.userId())
                        .withLink(emails.page("/forgot-password"), null)));
        log.info("Sign-up with the address of user {}: ACCOUNT_EXISTS email requested", account.userId());
    }
}
