package com.sellavie.identity.auth;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.messaging.BusinessEvents;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Registers a business with its owner: the user, the business, the OWNER membership and the
 * {@code BusinessRegistered} event, in one transaction run as the new business (its tenant).
 * Bad input, a taken address or any failure writes and publishes nothing.
 */
@Service
class SignUp {

    private static final Logger log = LoggerFactory.getLogger(SignUp.class);

    private final Accounts accounts;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final Clock clock = Clock.systemUTC();

    SignUp(Accounts accounts, Outbox outbox, Tenancy tenancy, TransactionTemplate transactions,
            PasswordEncoder passwords) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.passwords = passwords;
    }

    Member register(AuthRequests.ValidSignup signup) {
        // Cheap early answer; the unique index decides when two sign-ups race.
        if (accounts.emailTaken(signup.email())) {
            throw new EmailTakenException();
        }
        // Hashed before the transaction: bcrypt's deliberate slowness must not hold a connection.
        String hash = passwords.encode(signup.password());
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
            }));
        } catch (DuplicateKeyException e) {
            throw new EmailTakenException();
        }
        log.info("Registered business {} with owner {}", businessId, userId);
        return new Member(userId, signup.email(), businessId, signup.businessName(), Role.OWNER);
    }
}
