import { useQueryClient, type QueryClient, type QueryKey } from '@tanstack/react-query';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';
import { POLL_INTERVAL_MS } from '../query/queryClient';
import { queryKeys } from '../query/queryKeys';
import { activeSession, endSession, refreshSession, useSession } from '../session/session';
import { openEventStream, type LiveEvent, type StreamStatus } from './eventStream';

/** Events that come together (a reply and its status moving on) are applied together after this long. */
export const COALESCE_MS = 100;

/** The queries that show what an event changed. */
export function keysFor(event: LiveEvent): QueryKey[] {
  const conversation = event.conversationId;
  if (conversation === null) {
    return [queryKeys.conversations.all, queryKeys.attention];
  }
  switch (event.kind) {
    case 'message':
      // A new message moves its conversation up the inbox and changes its last message and unread count.
      return [
        queryKeys.conversations.lists(),
        queryKeys.conversations.detail(conversation),
        queryKeys.conversations.messages(conversation),
      ];
    case 'message-status':
      // Ticks in the thread; and a message may now need a person (UNKNOWN, FAILED) or no longer.
      return [queryKeys.conversations.messages(conversation), queryKeys.attention];
    case 'conversation':
      // Mode, assignee, labels, unread; or its contact (name, picture, notes) changed.
      return [
        queryKeys.conversations.lists(),
        queryKeys.conversations.detail(conversation),
        queryKeys.conversations.contacts(conversation),
      ];
    default:
      return [queryKeys.conversations.all, queryKeys.attention];
  }
}

/** Invalidates, at most once per COALESCE_MS, the union of the keys asked for meanwhile. */
function invalidator(queryClient: QueryClient) {
  const pending = new Map<string, QueryKey>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return {
    add(keys: QueryKey[]) {
      keys.forEach((key) => pending.set(JSON.stringify(key), key));
      if (timer === undefined) {
        timer = setTimeout(() => {
          timer = undefined;
          const keysNow = [...pending.values()];
          pending.clear();
          keysNow.forEach((queryKey) => void queryClient.invalidateQueries({ queryKey }));
        }, COALESCE_MS);
      }
    },
    cancel() {
      clearTimeout(timer);
      pending.clear();
    },
  };
}

const LiveStatus = createContext<StreamStatus>('connecting');

/**
 * One event stream per signed-in tab, feeding the query cache: each event refetches the queries that
 * show what changed. Started when a member signs in, stopped when the session ends.
 */
export function LiveUpdates({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const userId = useSession()?.user.id ?? null;
  const [status, setStatus] = useState<StreamStatus>('connecting');

  useEffect(() => {
    if (userId === null) {
      return undefined;
    }
    const invalidate = invalidator(queryClient);
    const stream = openEventStream({
      token: () => activeSession()?.accessToken ?? null,
      onEvent: (event) => invalidate.add(keysFor(event)),
      onReset: () => invalidate.add([queryKeys.conversations.all, queryKeys.attention]),
      onStatus: setStatus,
      // A refused token may just be stale (rotated, expired meanwhile): one refresh, else signed out.
      onUnauthorized: () => {
        void refreshSession().then((renewed) => {
          if (!renewed) {
            endSession();
          }
        });
      },
    });
    return () => {
      stream.close();
      invalidate.cancel();
      setStatus('connecting');
    };
  }, [queryClient, userId]);

  return <LiveStatus.Provider value={status}>{children}</LiveStatus.Provider>;
}

export function useLiveStatus(): StreamStatus {
  return useContext(LiveStatus);
}

/**
 * A live page's polling interval: none while the event stream is up (events refetch what changed), the
 * usual 3 s while it is not, so a broken stream never freezes the console.
 */
export function useLivePollInterval(): number | false {
  return useLiveStatus() === 'live' ? false : POLL_INTERVAL_MS;
}

/**
 * A quiet word in the header: "Live" while events flow, "Reconnecting…" while they do not. Deliberately
 * not a live region: a screen reader is not interrupted each time a connection comes and goes.
 */
export function LiveIndicator() {
  const status = useLiveStatus();
  if (status === 'connecting') {
    return null;
  }
  const live = status === 'live';
  return (
    <span
      className={`live-indicator ${live ? 'live-indicator-up' : 'live-indicator-down'}`}
      title={live ? 'Updates arrive as they happen' : 'Live updates are reconnecting; the console checks every few seconds meanwhile'}
    >
      {live ? 'Live' : 'Reconnecting…'}
    </span>
  );
}
