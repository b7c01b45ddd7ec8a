package com.sellavie.identity.team;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.sellavie.identity.activity.ActivityCategory;
import com.sellavie.identity.activity.ActivityLog;
import com.sellavie.identity.session.ClientInfo;
import com.sellavie.identity.team.Invitations.Invitation;
import com.sellavie.identity.team.TeamExceptions.NotFoundException;
import com.sellavie.platform.tenancy.SellavieClaims;
import jakarta.servlet.http.HttpServletRequest;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The token's business's team: {@code /api/members} and {@code /api/invitations}. Coarse role rules
 * here ({@code @PreAuthorize}); who may act on whom ({@link TeamPermissions}) with the caller's role as
 * the database knows it now. Ids of another business, unknown or malformed ids: 404.
 */
@RestController
class TeamController {

    private final Team team;
    private final ActivityLog activity;

    TeamController(Team team, ActivityLog activity) {
        this.team = team;
        this.activity = activity;
    }

    @GetMapping("/api/members")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<MemberList> members(@AuthenticationPrincipal Jwt token) {
        Team.Actor actor = actor(token);
        List<MemberList.Item> items = team.members(actor.businessId()).stream()
                .map(m -> new MemberList.Item(m.userId(), m.email(), m.role().name(), m.joinedAt()))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new MemberList(items));
    }

    @PatchMapping("/api/members/{userId}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<Void> changeRole(@PathVariable String userId, @RequestBody TeamRequests.RoleRequest request,
            @AuthenticationPrincipal Jwt token) {
        UUID member = id(userId, "Member not found");
        team.changeRole(actor(token), member, request.validate());
        return ResponseEntity.noContent().build();
    }

    /** Removing a member (OWNER/ADMIN), or leaving (anyone, their own id). */
    @DeleteMapping("/api/members/{userId}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN', 'AGENT')")
    ResponseEntity<Void> remove(@PathVariable String userId, @AuthenticationPrincipal Jwt token) {
        team.remove(actor(token), id(userId, "Member not found"));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/invitations")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<InvitationView> invite(@RequestBody TeamRequests.InviteRequest request,
            @AuthenticationPrincipal Jwt token, HttpServletRequest http) {
        TeamRequests.InviteRequest.Valid valid = request.validate();
        Team.Actor actor = actor(token);
        Team.Created created = team.invite(actor, valid.email(), valid.role());
        // Joining, role changes and removals reach the activity log from identity.members; invitations have no event.
        ClientInfo client = ClientInfo.of(http);
        activity.record(ActivityLog.Entry.byMember(actor.businessId(), ActivityCategory.TEAM, "INVITATION_SENT",
                actor.userId(), client.ip(), client.device(), "Invited as " + valid.role().name()));
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/invitations/" + created.invitation().id()))
                .cacheControl(CacheControl.noStore())
                .body(InvitationView.of(created.invitation(), created.acceptLink()));
    }

    @GetMapping("/api/invitations")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<InvitationList> invitations(@AuthenticationPrincipal Jwt token) {
        List<InvitationView> items = team.pendingInvitations(actor(token).businessId()).stream()
                .map(invitation -> InvitationView.of(invitation, null))
                .toList();
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(new InvitationList(items));
    }

    @DeleteMapping("/api/invitations/{id}")
    @PreAuthorize("hasAnyRole('OWNER', 'ADMIN')")
    ResponseEntity<Void> revoke(@PathVariable String id, @AuthenticationPrincipal Jwt token) {
        team.revokeInvitation(actor(token), id(id, "Invitation not found"));
        return ResponseEntity.noContent().build();
    }

    private Team.Actor actor(Jwt token) {
        return team.actor(UUID.fromString(token.getClaimAsString(SellavieClaims.USER_ID)),
                UUID.fromString(token.getClaimAsString(SellavieClaims.BUSINESS_ID)));
    }

    private static UUID id(String value, String notFound) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new NotFoundException(notFound);
        }
    }

    record MemberList(List<Item> members) {

        record Item(UUID userId, String email, String role, Instant joinedAt) {
        }
    }

    record InvitationList(List<InvitationView> invitations) {
    }

    /** An invitation; {@code acceptLink} only in the answer that created it (the token is not kept). */
    record InvitationView(UUID id, String email, String role, UUID invitedBy, Instant createdAt, Instant expiresAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String acceptLink) {

        static InvitationView of(Invitation invitation, String acceptLink) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.role().name(),
                    invitation.invitedBy(), invitation.createdAt(), invitation.expiresAt(), acceptLink);
        }

        @Override
        public String toString() {
            return "InvitationView[id=" + id + "]";
        }
    }
}
