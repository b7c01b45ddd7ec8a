import { ApiError, describeError } from '../api';

/**
 * The message to show when a poll failed, or null. A 401 shows nothing: the session has ended and
 * the route guard is already on its way to log-in.
 */
export function pollErrorMessage(error: unknown): string | null {
  if (!error || (error instanceof ApiError && error.status === 401)) {
    return null;
  }
  return describeError(error);
}
