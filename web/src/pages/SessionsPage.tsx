import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, describeError, type LoginSession } from '../api';
import { Alert } from '../components/Alert';
import { RelativeTime } from '../components/RelativeTime';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { endSession } from '../session/session';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

/**
 * Settings → Sessions: where the member is signed in (device, address, when it started, last use), and
 * a way to end any of them. Ending a session stops its refresh token and its access tokens at once;
 * ending this one signs the console out.
 */
export function SessionsPage() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const query = useQuery({ queryKey: queryKeys.sessions, queryFn: ({ signal }) => api.sessions({ signal }) });
  const [actionError, setActionError] = useState<string | null>(null);
  const revoke = useMutation({ mutationFn: (session: LoginSession) => api.revokeSession(session.id) });

  const end = async (session: LoginSession) => {
    setActionError(null);
    try {
      await revoke.mutateAsync(session);
      if (session.current) {
        endSession();
        navigate('/login', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.sessions });
    } catch (error) {
      setActionError(describeError(error));
    }
  };

  const sessions = query.data?.sessions;
  const problem = pollErrorMessage(queryProblem(query));
  return (
    <section className="sessions-settings">
      <p className="eyebrow">Settings</p>
      <h1>Sessions</h1>
      <SettingsTabs />
      <p className="lead">
        Where you are signed in. If you do not recognise a device, end its session: it is signed out within seconds.
      </p>
      {problem && <Alert>Could not load your sessions: {problem}</Alert>}
      {actionError && <Alert>Could not end the session: {actionError}</Alert>}
      {sessions === undefined && !problem && <p className="muted">Loading sessions…</p>}
      {sessions && (
        <table aria-label="Sessions">
          <thead>
            <tr>
              <th scope="col">Device</th>
              <th scope="col">IP address</th>
              <th scope="col">Signed in</th>
              <th scope="col">Last active</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <td>
                  {session.device ?? 'Unknown device'}
                  {session.current && <span className="badge"> This device</span>}
                </td>
                <td>{session.ip ?? '—'}</td>
                <td>
                  <RelativeTime iso={session.createdAt} />
                </td>
                <td>
                  <RelativeTime iso={session.lastUsedAt} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    disabled={revoke.isPending}
                    onClick={() => void end(session)}
                    aria-label={session.current ? 'Sign out this device' : `End session on ${session.device ?? 'unknown device'}`}
                  >
                    {session.current ? 'Sign out' : 'End session'}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
