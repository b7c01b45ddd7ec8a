import { QueryClient } from '@tanstack/react-query';
import { ApiError } from '../api';

/**
 * How often a live page (the inbox, a conversation, Needs attention, notifications, a pending order)
 * reads its data again. For conversation data this is the fallback while the event stream is down
 * (src/live: useLivePollInterval); 3 s keeps a new DM visible quickly at a few cheap GETs a minute per open tab. A hidden tab asks nothing, and
 * asks at once when shown again (TanStack Query's refetchIntervalInBackground off, refetchOnWindowFocus on).
 */
export const POLL_INTERVAL_MS = 3000;

const MAX_RETRIES = 3;
const MAX_RETRY_DELAY_MS = 30_000;

/**
 * Only a passing failure is worth asking again: no answer (status 0), a 5xx, a 429. A 4xx is the answer
 * (404: not this business's; 403: not this role's) and a 401 has already ended the session.
 */
export function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) {
    return false;
  }
  return error.status === 0 || error.status === 429 || error.status >= 500;
}

/**
 * Backoff from the poll interval: 3 s, 6 s, 12 s (at most 30 s). Starting at the interval, a retry of a
 * polled read takes the place of the next poll instead of doubling it.
 */
export function retryDelay(attempt: number): number {
  return Math.min(POLL_INTERVAL_MS * 2 ** attempt, MAX_RETRY_DELAY_MS);
}

/** The console's cache: one per tab (and one per test). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < MAX_RETRIES && isTransient(error),
        retryDelay,
        // Every read is live data; a page shown again reads it again.
        staleTime: 0,
      },
      mutations: {
        // A reply, a takeover or a note is never sent twice behind the member's back.
        retry: false,
      },
    },
  });
}
