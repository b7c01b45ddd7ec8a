package com.sellavie.identity.team;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.auth.AccountRules;
import com.sellavie.identity.team.Invitations.Invitation;
import com.sellavie.identity.team.TeamExceptions.ConflictException;
import com.sellavie.identity.team.TeamExceptions.InvalidInputException;
import com.sellavie.identity.team.TeamExceptions.InvitationUnusableException;
import com.sellavie.identity.team.TeamExceptions.NotFoundException;
import com.sellavie.identity.team.TeamExceptions.SignInRequiredException;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Accepting an invitation. A new address sets a password (the sign-up policy) and gets an account; an
 * existing account proves it is theirs by being signed in as it (its log-in is throttled and asks for
 * its second factor). A new account starts with its address verified (the link reached it). Either way the
 * membership, the spent invitation and {@code MemberJoined} commit together, under the invitation's
 * row lock, so a link works once even when clicked twice at once.
 */
@Service
class InvitationAcceptance {

    private static final Logger log = LoggerFactory.getLogger(InvitationAcceptance.class);

    private final Invitations invitations;
    private final Members members;
    private final Accounts accounts;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final PasswordEncoder passwords;
    private final Clock clock = Clock.systemUTC();

    InvitationAcceptance(Invitations invitations, Members members, Accounts accounts, Outbox outbox, Tenancy tenancy,
            TransactionTemplate transactions, PasswordEncoder passwords) {
        this.invitations = invitations;
        this.members = members;
        this.accounts = accounts;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.passwords = passwords;
    }

    /**
     * @param token          the accept link's token
     * @param password       a new account's password (ignored for an existing account)
     * @param signedInUserId the caller's user when they sent a valid access token, else null
     * @return the new member, to start a session for
     */
    Member accept(String token, String password, UUID signedInUserId) {
        if (!InvitationToken.plausible(token)) {
            throw new NotFoundException("Invitation not found");
        }
        byte[] hash = InvitationToken.hash(token);
        UUID businessId = invitations.businessOfToken(hash).orElseThrow(() -> new NotFoundException("Invitation not found"));
        // Checked before any bcrypt work, and again under the lock below.
        Invitation invitation = tenancy.callAs(businessId, () -> transactions.execute(status ->
                invitations.lockByToken(hash).orElseThrow(() -> new NotFoundException("Invitation not found"))));
        usable(invitation, now());
        Optional<Members.User> existing = tenancy.callAs(businessId, () -> members.userByEmail(invitation.email()));
        UUID userId;
        String newHash = null;
        if (existing.isPresent()) {
            userId = existing.get().id();
            // Only as the signed-in account: a password here would skip the log-in's throttling and
            // its second factor (an invitation link would become a way to guess a member's password).
            if (!userId.equals(signedInUserId)) {
                throw new SignInRequiredException();
            }
        } else {
            String problem = AccountRules.passwordProblem(password, invitation.email()).orElse(null);
            if (problem != null) {
                throw new InvalidInputException(Map.of("password", problem));
            }
            userId = UuidCreator.getTimeOrderedEpoch();
            // Hashed before the transaction: bcrypt's slowness must not hold a connection and a row lock.
            newHash = passwords.encode(password);
        }
        String passwordHash = newHash;
        try {
            tenancy.runAs(businessId, () -> transactions.executeWithoutResult(status -> {
                Instant now = now();
                Invitation locked = invitations.lockByToken(hash)
                        .orElseThrow(() -> new NotFoundException("Invitation not found"));
                usable(locked, now);
                if (passwordHash != null) {
                    accounts.addUser(userId, locked.email(), passwordHash);
                    // The link came by mail to this address: a new account has proven it. An existing
                    // account keeps its own state (it may have been invited under another address).
                    accounts.markEmailVerified(userId, now);
                } else if (members.role(businessId, userId).isPresent()) {
                    throw new ConflictException("Already a member", "You are already a member of this business.");
                }
                accounts.addMembership(businessId, userId, locked.role());
                invitations.accept(locked.id(), userId, now);
                outbox.publish(MemberEvents.joined(businessId, userId, locked.role(), locked.invitedBy(), now),
                        businessId.toString());
            }));
        } catch (DuplicateKeyException e) {
            // The address got an account between the check and the insert: accept again to sign in as it.
            throw new SignInRequiredException();
        }
        log.info("Business {}: user {} joined through invitation {}", businessId, userId, invitation.id());
        return tenancy.callAs(businessId, () -> accounts.member(userId, businessId))
                .orElseThrow(() -> new NotFoundException("Invitation not found"));
    }

    private static void usable(Invitation invitation, Instant now) {
        if (invitation.revokedAt() != null) {
            throw new InvitationUnusableException("revoked", "This invitation was revoked. Ask for a new one.");
        }
        if (invitation.acceptedAt() != null) {
            throw new InvitationUnusableException("used", "This invitation was already accepted. Log in instead.");
        }
        if (!now.isBefore(invitation.expiresAt())) {
            throw new InvitationUnusableException("expired", "This invitation has expired. Ask for a new one.");
        }
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
