package com.sellavie.identity.team;

import com.sellavie.platform.tenancy.SellavieClaims.Role;

/**
 * Who may do what to whom in a team (the table in docs/architecture.md). An OWNER may do anything
 * but leave the business without an OWNER. An ADMIN manages AGENTs and ADMINs below the OWNERs: it
 * invites and assigns only AGENT, never touches an OWNER, and may remove an ADMIN or AGENT. An AGENT
 * manages nobody. Anyone may leave (unless they are the last OWNER).
 */
final class TeamPermissions {

    private TeamPermissions() {
    }

    /** Whether {@code actor} may invite someone as {@code role} (or revoke such an invitation). */
    static boolean mayInvite(Role actor, Role role) {
        return actor == Role.OWNER || (actor == Role.ADMIN && role == Role.AGENT);
    }

    /** Whether {@code actor} may set the role of a member who is {@code target} to {@code role}. */
    static boolean mayChangeRole(Role actor, Role target, Role role) {
        return actor == Role.OWNER || (actor == Role.ADMIN && target != Role.OWNER && role == Role.AGENT);
    }

    /** Whether {@code actor} may remove a member who is {@code target} (someone else). */
    static boolean mayRemove(Role actor, Role target) {
        return actor == Role.OWNER || (actor == Role.ADMIN && target != Role.OWNER);
    }
}
