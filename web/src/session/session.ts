import { useSyncExternalStore } from 'react';

/**
 * The signed-in session: the access token and who it belongs to.
 *
 * The access token lives in memory only (this module), never in web storage, so an injected script
 * cannot lift it from sessionStorage/localStorage and it does not outlive the tab. What keeps a
 * member signed in is the refresh token, which the server sets in an HttpOnly, Secure,
 * SameSite=Strict cookie scoped to /api/auth: page scripts cannot read it; the browser sends it only
 * to the auth endpoints. The console refreshes silently a minute before the access token expires,
 * after a 401 (once), and on a page load (to restore the session the reload dropped from memory).
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

/** Whether the page load's attempt to restore the session from the refresh cookie has finished. */
export type RestoreStatus = 'idle' | 'restoring' | 'done';

/** Refresh this long before the access token expires. */
const refreshAhead = 60_000;
const listeners = new Set<() => void>();
let current: Session | null = null;
let restoreStatus: RestoreStatus = 'idle';
let refreshTimer: ReturnType<typeof setTimeout> | undefined;
let inFlight: Promise<Session | null> | null = null;

function publish(next: Session | null) {
  current = next;
  listeners.forEach((listener) => listener());
}

/** The session, or null. Does not look at expiry; see {@link isExpired}. */
export function currentSession(): Session | null {
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

/** Starts (or renews) a session from a sign-up, log-in or refresh answer, and schedules the next silent refresh. */
export function startSession(grant: SessionGrant, now: number = Date.now()): Session {
  const session: Session = {
    accessToken: grant.accessToken,
    tokenType: grant.tokenType || 'Bearer',
    expiresAt: now + grant.expiresIn * 1000,
    user: grant.user,
    business: grant.business,
  };
  scheduleRefresh(session.expiresAt - now);
  publish(session);
  return session;
}

/** Forgets the session here (a 401 that a refresh could not cure, an ended session); see {@link logOut} for the server. */
export function endSession() {
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  if (current !== null) {
    publish(null);
  }
}

/**
 * Asks for a new access token with the refresh cookie. Single flight: concurrent callers share one
 * request, so the console never races itself into the server's reuse detection. A 409 (another tab
 * rotated the cookie a moment ago) is retried once with the cookie the browser now holds. Resolves
 * null when the session cannot be renewed (the cookie is gone, expired or revoked).
 */
export function refreshSession(): Promise<Session | null> {
  if (!inFlight) {
    inFlight = refreshOnce(true).finally(() => {
      inFlight = null;
    });
  }
  return inFlight;
}

async function refreshOnce(retryOnRace: boolean): Promise<Session | null> {
  let response: Response;
  try {
    response = await fetch('/api/auth/refresh', {
      method: 'POST',
      credentials: 'same-origin',
      headers: { Accept: 'application/json, application/problem+json' },
    });
  } catch {
    return null;
  }
  if (response.status === 409 && retryOnRace) {
    return refreshOnce(false);
  }
  if (!response.ok) {
    return null;
  }
  try {
    return startSession((await response.json()) as SessionGrant);
  } catch {
    return null;
  }
}

/**
 * On a page load there is no token in memory: try the refresh cookie once before deciding the
 * member is signed out. The route guard waits for it.
 */
export function restoreSession(): Promise<Session | null> {
  if (restoreStatus !== 'idle') {
    return Promise.resolve(current);
  }
  restoreStatus = 'restoring';
  listeners.forEach((listener) => listener());
  return refreshSession().finally(() => {
    restoreStatus = 'done';
    listeners.forEach((listener) => listener());
  });
}

/**
 * Logs out on the server (the session's refresh tokens die and its access tokens are denylisted
 * everywhere; the cookie is cleared), then here. A failure to reach the server still ends the session here.
 */
export async function logOut(): Promise<void> {
  const session = current;
  endSession();
  try {
    await fetch('/api/auth/logout', {
      method: 'POST',
      credentials: 'same-origin',
      headers: session ? { Authorization: `${session.tokenType} ${session.accessToken}` } : {},
    });
  } catch {
    // Offline: the cookie stays until it expires; the access token is gone from this tab.
  }
}

function scheduleRefresh(lifetime: number) {
  clearTimeout(refreshTimer);
  // A failed silent refresh leaves the token as it is: it still works until it expires, and the next
  // call then tries again (and, failing, signs out).
  refreshTimer = setTimeout(() => void refreshSession(), Math.max(lifetime - refreshAhead, lifetime / 2));
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** The session, re-rendering the caller when it starts, renews or ends. */
export function useSession(): Session | null {
  return useSyncExternalStore(subscribe, currentSession, currentSession);
}

function currentRestoreStatus(): RestoreStatus {
  return restoreStatus;
}

/** Where the page load's session restore stands, re-rendering the caller when it changes. */
export function useRestoreStatus(): RestoreStatus {
  return useSyncExternalStore(subscribe, currentRestoreStatus, currentRestoreStatus);
}

/** For tests: a fresh page load (no session, no restore attempted yet, no timer). */
export function resetSessionCacheForTests() {
  clearTimeout(refreshTimer);
  refreshTimer = undefined;
  current = null;
  restoreStatus = 'idle';
  inFlight = null;
}
