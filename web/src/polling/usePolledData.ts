import { useCallback, useEffect, useRef, useState } from 'react';
import { POLL_INTERVAL_MS, usePolling } from './usePolling';

export type Polled<T> = {
  /** The latest answer; kept while a later poll fails, so a hiccup does not blank the page. */
  data: T | undefined;
  /** The latest poll's failure, cleared by the next success. */
  error: unknown;
  loading: boolean;
};

/**
 * Loads data with `load` and keeps it fresh with {@link usePolling}. An answer arriving after
 * unmount is dropped, and the request in flight is aborted.
 */
export function usePolledData<T>(load: (signal: AbortSignal) => Promise<T>, intervalMs: number = POLL_INTERVAL_MS): Polled<T> {
  const [state, setState] = useState<Polled<T>>({ data: undefined, error: undefined, loading: true });
  const controller = useRef<AbortController | null>(null);

  useEffect(
    () => () => {
      controller.current?.abort();
    },
    [],
  );

  const poll = useCallback(async () => {
    const own = new AbortController();
    controller.current = own;
    try {
      const data = await load(own.signal);
      if (!own.signal.aborted) {
        setState({ data, error: undefined, loading: false });
      }
    } catch (error) {
      if (!own.signal.aborted) {
        setState((previous) => ({ data: previous.data, error, loading: false }));
      }
    }
  }, [load]);

  usePolling(poll, intervalMs);
  return state;
}
