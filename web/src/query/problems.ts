import type { UseQueryResult } from '@tanstack/react-query';

/**
 * What went wrong with a read, as soon as it went wrong: the failure of the attempt just made (while
 * TanStack Query still retries with backoff), or the final error. Kept until an answer comes.
 */
export function queryProblem(query: Pick<UseQueryResult, 'error' | 'failureReason'>): unknown {
  return query.error ?? query.failureReason ?? undefined;
}
