import { useQuery } from '@tanstack/react-query';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { RelativeTime } from '../components/RelativeTime';
import { queryProblem } from '../query/problems';
import { POLL_INTERVAL_MS } from '../query/queryClient';
import { queryKeys } from '../query/queryKeys';
import { pollErrorMessage } from './pollErrors';

/** The merchant's notifications (one per inbound message for now), newest first as the server sends them. */
export function NotificationsPage() {
  const query = useQuery({
    queryKey: queryKeys.notifications,
    queryFn: ({ signal }) => api.notifications({ signal }),
    refetchInterval: POLL_INTERVAL_MS,
  });
  const notifications = query.data;
  const problem = pollErrorMessage(queryProblem(query));
  const loading = query.isPending && !problem;

  return (
    <section>
      <h1>Notifications</h1>
      {problem && <Alert>Could not load notifications: {problem}</Alert>}
      {loading && <p className="muted">Loading notifications…</p>}
      {notifications && notifications.length === 0 && <p className="muted">No notifications yet.</p>}
      {notifications && notifications.length > 0 && (
        <ul className="notification-list" aria-label="Notifications">
          {notifications.map((notification) => (
            <li key={notification.id} className={notification.readAt ? 'notification' : 'notification notification-unread'}>
              <strong>{notification.title}</strong>
              <RelativeTime iso={notification.createdAt} />
              <p>{notification.body}</p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
