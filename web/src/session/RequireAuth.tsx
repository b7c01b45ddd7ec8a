import { useEffect } from 'react';
import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { mustEnrolInTwoFactor } from './role';
import { restoreSession, useRestoreStatus } from './session';
import { useActiveSession } from './useActiveSession';

/** Where the log-in page sends the user back to after logging in. */
export type LoginRedirectState = { from?: string };

/**
 * Guards the pages that need a signed-in merchant. After a page load the token is not in memory yet:
 * the guard first tries the refresh cookie once. Without a valid session — never signed in, the
 * refresh refused, or a 401 no refresh could cure — it sends the user to log-in, remembering where
 * they were. A member whose business requires 2FA and who has not set it up sees only the enrolment.
 */
export function RequireAuth() {
  const session = useActiveSession();
  const restore = useRestoreStatus();
  const location = useLocation();
  const needsRestore = !session && restore !== 'done';

  useEffect(() => {
    if (needsRestore) {
      void restoreSession();
    }
  }, [needsRestore]);

  if (needsRestore) {
    return <p className="muted">Loading…</p>;
  }
  if (!session) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  // The business requires 2FA and this member has none: their token opens only the enrolment.
  if (mustEnrolInTwoFactor(session) && location.pathname !== '/two-factor-required') {
    return <Navigate to="/two-factor-required" replace />;
  }
  return <Outlet />;
}
