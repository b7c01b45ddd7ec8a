package com.sellavie.identity.team;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.identity.account.Accounts;
import com.sellavie.identity.account.Accounts.Member;
import com.sellavie.identity.email.AccountEmails;
import com.sellavie.identity.session.MemberSessions;
import com.sellavie.identity.session.RevocationList;
import com.sellavie.identity.team.Invitations.Invitation;
import com.sellavie.identity.team.TeamExceptions.ConflictException;
import com.sellavie.identity.team.TeamExceptions.LastOwnerException;
import com.sellavie.identity.team.TeamExceptions.NotAllowedException;
import com.sellavie.identity.team.TeamExceptions.NotFoundException;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.SellavieClaims.Role;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Members and invitations of one business, run as that business (the caller's token's). An invitation
 * requests its INVITATION email in its own transaction. Role changes
 * and removals commit with their event, then revoke the member's access tokens everywhere (the Redis
 * member key) and the sessions they held there (their sids), so the change bites within seconds.
 */
@Service
@EnableConfigurationProperties(TeamProperties.class)
class Team {

    private static final Logger log = LoggerFactory.getLogger(Team.class);

    private final Members members;
    private final Invitations invitations;
    private final Accounts accounts;
    private final MemberSessions memberSessions;
    private final RevocationList revocations;
    private final Outbox outbox;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;
    private final TeamProperties properties;
    private final AccountEmails emails;
    private final Clock clock = Clock.systemUTC();

    Team(Members members, Invitations invitations, Accounts accounts, MemberSessions memberSessions,
            RevocationList revocations, Outbox outbox, Tenancy tenancy, TransactionTemplate transactions,
            TeamProperties properties, AccountEmails emails) {
        this.members = members;
        this.invitations = invitations;
        this.accounts = accounts;
        this.memberSessions = memberSessions;
        this.revocations = revocations;
        this.outbox = outbox;
        this.tenancy = tenancy;
        this.transactions = transactions;
        this.properties = properties;
        this.emails = emails;
    }

    List<Members.Member> members(UUID businessId) {
        return tenancy.callAs(businessId, () -> members.list(businessId));
    }

    List<Invitation> pendingInvitations(UUID businessId) {
        return tenancy.callAs(businessId, () -> invitations.pending(businessId, now()));
    }

    /** A new invitation and its accept link (the only time the token exists in clear). */
    Created invite(Actor actor, String email, Role role) {
        if (!TeamPermissions.mayInvite(actor.role(), role)) {
            throw new NotAllowedException("Only an OWNER can invite an OWNER or an ADMIN.");
        }
        String token = InvitationToken.generate();
        Instant now = now();
        Invitation invitation = new Invitation(UuidCreator.getTimeOrderedEpoch(), actor.businessId(), email, role,
                actor.userId(), now, now.plus(properties.invitationTtl()), null, null);
        tenancy.runAs(actor.businessId(), () -> transactions.executeWithoutResult(status -> {
            if (members.hasMemberWithEmail(actor.businessId(), email)) {
                throw new ConflictException("Already a member", "Someone with this email address is already a member.");
            }
            if (invitations.pendingFor(actor.businessId(), email, now)) {
                throw new ConflictException("Invitation pending",
                        "This address already has a pending invitation: revoke it to send a new one.");
            }
            invitations.add(invitation, InvitationToken.hash(token));
            // The invitee gets the accept link by email too (the inviter still sees it once, to share).
            Member inviter = accounts.member(actor.userId(), actor.businessId())
                    .orElseThrow(() -> new NotAllowedException("You are not a member of this business."));
            emails.request(AccountEmails.Request.of(AccountEmails.Kind.INVITATION, email, null)
                    .forBusiness(actor.businessId(), inviter.businessName())
                    .invitedBy(inviter.email(), role.name())
                    .withLink(properties.acceptLink(token), invitation.expiresAt()));
        }));
        log.info("Business {}: user {} invited a new {} (invitation {})", actor.businessId(), actor.userId(), role,
                invitation.id());
        return new Created(invitation, properties.acceptLink(token));
    }

    void revokeInvitation(Actor actor, UUID id) {
        tenancy.runAs(actor.businessId(), () -> transactions.executeWithoutResult(status -> {
            Invitation invitation = invitations.find(actor.businessId(), id)
                    .filter(found -> found.acceptedAt() == null && found.revokedAt() == null)
                    .orElseThrow(() -> new NotFoundException("Invitation not found"));
            if (!TeamPermissions.mayInvite(actor.role(), invitation.role())) {
                throw new NotAllowedException("Only an OWNER can revoke an invitation as OWNER or ADMIN.");
            }
            invitations.revoke(id, now());
        }));
    }

    /** Sets {@code userId}'s role; their tokens and sessions in the business end (they log in again). */
    void changeRole(Actor actor, UUID userId, Role role) {
        List<UUID> endedSessions = tenancy.callAs(actor.businessId(), () -> transactions.execute(status -> {
            List<UUID> owners = members.lockOwners(actor.businessId());
            Role current = members.lockRole(actor.businessId(), userId)
                    .orElseThrow(() -> new NotFoundException("Member not found"));
            if (!TeamPermissions.mayChangeRole(actor.role(), current, role)) {
                throw new NotAllowedException(current == Role.OWNER
                        ? "Only an OWNER can change an OWNER's role."
                        : "Only an OWNER can make someone an OWNER or an ADMIN.");
            }
            if (current == role) {
                return null;
            }
            if (current == Role.OWNER && owners.size() == 1) {
                throw new LastOwnerException();
            }
            members.setRole(actor.businessId(), userId, role);
            outbox.publish(MemberEvents.roleChanged(actor.businessId(), userId, role, current, actor.userId(), now()),
                    actor.businessId().toString());
            log.info("Business {}: user {} changed the role of {} from {} to {}", actor.businessId(), actor.userId(),
                    userId, current, role);
            return memberSessions.endAll(actor.businessId(), userId);
        }));
        if (endedSessions != null) {
            revokeAccess(actor.businessId(), userId, endedSessions);
        }
    }

    /** Removes {@code userId} (or, when it is the actor, lets them leave). */
    void remove(Actor actor, UUID userId) {
        boolean leaving = actor.userId().equals(userId);
        List<UUID> endedSessions = tenancy.callAs(actor.businessId(), () -> transactions.execute(status -> {
            List<UUID> owners = members.lockOwners(actor.businessId());
            Role current = members.lockRole(actor.businessId(), userId)
                    .orElseThrow(() -> new NotFoundException("Member not found"));
            if (!leaving && !TeamPermissions.mayRemove(actor.role(), current)) {
                throw new NotAllowedException(actor.role() == Role.AGENT
                        ? "Only an OWNER or an ADMIN can remove a member." : "Only an OWNER can remove an OWNER.");
            }
            if (current == Role.OWNER && owners.size() == 1) {
                throw new LastOwnerException();
            }
            members.remove(actor.businessId(), userId);
            outbox.publish(MemberEvents.left(actor.businessId(), userId, current,
                    leaving ? MemberEvents.LeftReason.LEFT : MemberEvents.LeftReason.REMOVED, actor.userId(), now()),
                    actor.businessId().toString());
            return memberSessions.endAll(actor.businessId(), userId);
        }));
        revokeAccess(actor.businessId(), userId, endedSessions);
        log.info("Business {}: member {} {}", actor.businessId(), userId, leaving ? "left" : "removed by " + actor.userId());
    }

    /**
     * After the commit: the member's access tokens die everywhere (member key) and so do those of every
     * session they had here (sids). A Redis failure answers 503; the database change stands.
     */
    private void revokeAccess(UUID businessId, UUID userId, List<UUID> endedSessions) {
        revocations.revokeMember(businessId, userId);
        endedSessions.forEach(revocations::revokeSession);
    }

    /** The caller as this business knows them now (not as their token said): no membership, no action. */
    Actor actor(UUID userId, UUID businessId) {
        Role role = tenancy.callAs(businessId, () -> members.role(businessId, userId))
                .orElseThrow(() -> new NotAllowedException("You are not a member of this business."));
        return new Actor(userId, businessId, role);
    }

    /** Ends the caller's session {@code sid} (a business switch leaves it) and denylists it. */
    void endSession(UUID userId, UUID businessId, UUID sid) {
        boolean ended = tenancy.callAs(businessId,
                () -> transactions.execute(status -> memberSessions.endOne(businessId, userId, sid)));
        if (ended) {
            revocations.revokeSession(sid);
        }
    }

    /** {@code userId}'s membership of {@code businessId}, else not found (no membership, unknown business). */
    Member member(UUID userId, UUID businessId) {
        return tenancy.callAs(businessId, () -> accounts.member(userId, businessId))
                .orElseThrow(() -> new NotFoundException("Business not found"));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Who acts: the token's user, business and role as the database knows it now. */
    record Actor(UUID userId, UUID businessId, Role role) {
    }

    record Created(Invitation invitation, String acceptLink) {

        @Override
        public String toString() {
            return "Created[" + invitation.id() + "]";
        }
    }
}
