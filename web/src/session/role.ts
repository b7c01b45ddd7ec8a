import type { Session } from './session';
import { useActiveSession } from './useActiveSession';

/** A member's role in the business, as identity-service writes it into the access token (`role` claim). */
export type Role = 'OWNER' | 'ADMIN' | 'AGENT';

const roles: readonly string[] = ['OWNER', 'ADMIN', 'AGENT'];

/**
 * The role from the session's access token. Read, not verified: it only decides which controls the
 * console shows. The services check the signed token on every call, so a wrong guess here costs a
 * 403, never access. null when the token cannot be read.
 */
export function roleOf(session: Session | null): Role | null {
  const role = claimsOf(session)?.role;
  return typeof role === 'string' && roles.includes(role) ? (role as Role) : null;
}

/**
 * Whether the token says the business requires 2FA and this member has not enrolled
 * (`mfa_enrolment_required`): the console then shows only the enrolment screen.
 */
export function mustEnrolInTwoFactor(session: Session | null): boolean {
  return claimsOf(session)?.mfa_enrolment_required === true;
}

/**
 * Whether the token says the member has not confirmed their email address (`email_verified` not true):
 * the console then explains why connecting a channel is refused. An unreadable token says nothing.
 */
export function emailUnverified(session: Session | null): boolean {
  const claims = claimsOf(session);
  return claims !== null && claims.email_verified !== true;
}

/** The token's claims, read without verifying (display decisions only); null when unreadable. */
function claimsOf(session: Session | null): Record<string, unknown> | null {
  const payload = session?.accessToken.split('.')[1];
  if (!payload) {
    return null;
  }
  try {
    const base64 = payload.replace(/-/g, '+').replace(/_/g, '/');
    const binary = atob(base64.padEnd(base64.length + ((4 - (base64.length % 4)) % 4), '='));
    const json = new TextDecoder().decode(Uint8Array.from(binary, (char) => char.charCodeAt(0)));
    const claims: unknown = JSON.parse(json);
    return typeof claims === 'object' && claims !== null ? (claims as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * Whether to offer the controls that change the catalog or payment settings (OWNER and ADMIN). An
 * unreadable role shows them: the server still decides, and its 403 is handled where they are used.
 */
export function canManageCommerce(role: Role | null): boolean {
  return role !== 'AGENT';
}

/** The signed-in member's role, re-read when the session changes. */
export function useRole(): Role | null {
  return roleOf(useActiveSession());
}
