import { Navigate, Outlet, useLocation } from 'react-router-dom';
import { useActiveSession } from './useActiveSession';

/** Where the log-in page sends the user back to after logging in. */
export type LoginRedirectState = { from?: string };

/**
 * Guards the pages that need a signed-in merchant. Without a valid session — never signed in, token
 * expired, or a 401 from any API call (the client ends the session) — it sends the user to log-in,
 * remembering where they were.
 */
export function RequireAuth() {
  const session = useActiveSession();
  const location = useLocation();
  if (!session) {
    const state: LoginRedirectState = { from: location.pathname + location.search };
    return <Navigate to="/login" replace state={state} />;
  }
  return <Outlet />;
}
