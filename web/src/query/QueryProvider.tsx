import { QueryClientProvider, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import { LiveUpdates } from '../live/LiveUpdates';
import { useSession } from '../session/session';
import { createQueryClient } from './queryClient';

/**
 * The console's data cache. It belongs to the signed-in member: when the session ends (log-out, a
 * 401, an expired token) everything read with it is dropped, so the next person at the tab sees none of it.
 * While signed in, the live event stream (LiveUpdates) refetches what changes.
 */
export function QueryProvider({ client, children }: { client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? createQueryClient());
  const session = useSession();
  const userId = session?.user.id ?? null;

  useEffect(() => {
    if (userId === null) {
      queryClient.clear();
    }
  }, [queryClient, userId]);

  return (
    <QueryClientProvider client={queryClient}>
      <LiveUpdates>{children}</LiveUpdates>
    </QueryClientProvider>
  );
}
