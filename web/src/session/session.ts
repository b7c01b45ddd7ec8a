import { useSyncExternalStore } from 'react';

/**
 * The signed-in session: the access token and who it belongs to.
 *
 * Kept in sessionStorage, not localStorage: it lives only as long as the tab, so a bearer token
 * does not linger on a shared computer after the browser closes, and it is not silently shared by
 * every tab of the origin. Neither storage protects against script injection (both are readable by
 * any script on the page); the sturdier scheme — access token in memory, refresh token in an
 * httpOnly cookie — comes with refresh tokens in a later issue. Until then a new tab, or the token
 * reaching its expiry, means logging in again.
 */
export type Session = {
  accessToken: string;
  tokenType: string;
  /** Epoch milliseconds after which the token is no longer accepted (from the login's expiresIn). */
  expiresAt: number;
  user: { id: string; email: string };
  business: { id: string; name: string };
};

export type SessionGrant = {
  accessToken: string;
  tokenType: string;
  /** Seconds the token stays valid. */
  expiresIn: number;
  user: { id: string; email: string };
  business: { id: string; name: string };
};

const storageKey = 'sellavie.session';
const listeners = new Set<() => void>();
let current: Session | null | undefined;

function read(): Session | null {
  try {
    const raw = window.sessionStorage.getItem(storageKey);
    return raw ? (JSON.parse(raw) as Session) : null;
  } catch {
    // An unreadable entry (blocked storage or mangled JSON) is the same as not being signed in.
    return null;
  }
}

function publish(next: Session | null) {
  current = next;
  listeners.forEach((listener) => listener());
}

/** The stored session, or null. Does not look at expiry; see {@link isExpired}. */
export function currentSession(): Session | null {
  if (current === undefined) {
    current = read();
  }
  return current;
}

export function isExpired(session: Session, now: number = Date.now()): boolean {
  return session.expiresAt <= now;
}

/** The session if there is one and its token is still valid. */
export function activeSession(now: number = Date.now()): Session | null {
  const session = currentSession();
  return session && !isExpired(session, now) ? session : null;
}

/** Starts a session from a sign-up or log-in answer. */
export function startSession(grant: SessionGrant, now: number = Date.now()): Session {
  const session: Session = {
    accessToken: grant.accessToken,
    tokenType: grant.tokenType || 'Bearer',
    expiresAt: now + grant.expiresIn * 1000,
    user: grant.user,
    business: grant.business,
  };
  window.sessionStorage.setItem(storageKey, JSON.stringify(session));
  publish(session);
  return session;
}

/** Forgets the session (log-out, a 401, an expired token); the route guard then shows log-in. */
export function endSession() {
  window.sessionStorage.removeItem(storageKey);
  if (currentSession() !== null) {
    publish(null);
  }
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The stored session, re-rendering the caller when it starts or ends. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, currentSession, currentSession);
}

/** For tests: drop the cached copy so the next read comes from sessionStorage again. */
export function resetSessionCacheForTests() {
  current = undefined;
}
