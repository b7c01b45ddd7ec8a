/**
 * The team of a business: members and their roles, invitations (hashed single-use tokens, 7 days),
 * role changes and removals (which revoke the member's tokens and sessions there), the businesses a
 * user belongs to and switching between them; {@code MemberJoined}/{@code MemberRoleChanged}/
 * {@code MemberLeft} on {@code identity.members}.
 */
package com.sellavie.identity.team;
