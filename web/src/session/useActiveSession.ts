import { isExpired, useSession, type Session } from './session';

/** The session while its token is valid; null when signed out or expired. */
export function useActiveSession(): Session | null {
  const session = useSession();
  return session && !isExpired(session) ? session : null;
}
