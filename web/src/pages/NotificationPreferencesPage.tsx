import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState, type FormEvent } from 'react';
import { api, describeError, type AlertChannel, type AlertKind } from '../api';
import { Alert } from '../components/Alert';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

const KINDS: { kind: AlertKind; label: string; hint: string }[] = [
  { kind: 'HANDOFF_REQUESTED', label: 'A conversation needs a person', hint: 'The assistant handed it over, or the customer asked for someone.' },
  { kind: 'ORDER_PAID', label: 'An order is paid', hint: 'A payment was verified with the provider.' },
  { kind: 'PAYMENT_FAILED', label: 'A payment failed', hint: 'The provider reported an order’s payment as failed.' },
  { kind: 'CHANNEL_NEEDS_RECONNECT', label: 'A channel needs reconnecting', hint: 'Meta rejected its token: nothing can be sent on it until it is connected again.' },
];

const CHANNELS: { channel: AlertChannel; label: string }[] = [
  { channel: 'IN_APP', label: 'In the console' },
  { channel: 'EMAIL', label: 'Console and email' },
  { channel: 'OFF', label: 'Off' },
];

/**
 * Settings → Notifications: how the signed-in member wants each alert, for themselves only (every role).
 * Email goes to their account's address; Off leaves the kind out of their own notification feed.
 */
export function NotificationPreferencesPage() {
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.notificationPreferences,
    queryFn: ({ signal }) => api.notificationPreferences({ signal }),
  });
  const stored = query.data?.preferences;
  const [chosen, setChosen] = useState<Partial<Record<AlertKind, AlertChannel>>>({});
  const [saved, setSaved] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const save = useMutation({ mutationFn: api.saveNotificationPreferences });

  useEffect(() => {
    if (stored) {
      setChosen(stored);
    }
  }, [stored]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    setFailure(null);
    try {
      const result = await save.mutateAsync(chosen);
      queryClient.setQueryData(queryKeys.notificationPreferences, result);
      setSaved(true);
    } catch (error) {
      setFailure(describeError(error));
    }
  };

  const loadError = queryProblem(query);
  const problem = pollErrorMessage(loadError);
  return (
    <section className="notification-preferences">
      <p className="eyebrow">Settings</p>
      <h1>Notifications</h1>
      <SettingsTabs />
      <p className="lead">
        Choose which alerts also reach you by email, at your account’s address, and which you would rather not see
        at all. These are your own settings: each member of the team chooses theirs.
      </p>
      {problem && <Alert>Could not load your notification settings: {problem}</Alert>}
      {stored === undefined && !loadError && <p className="muted">Loading notification settings…</p>}
      {stored && (
        <form method="post" onSubmit={submit} noValidate className="form" aria-label="Notification settings">
          {failure && <Alert>{failure}</Alert>}
          {saved && <Alert tone="success">Saved.</Alert>}
          {KINDS.map(({ kind, label, hint }) => (
            <fieldset key={kind}>
              <legend>{label}</legend>
              <p className="field-hint">{hint}</p>
              {CHANNELS.map(({ channel, label: channelLabel }) => (
                <label key={channel} className="radio">
                  <input
                    type="radio"
                    name={kind}
                    value={channel}
                    checked={chosen[kind] === channel}
                    onChange={() => setChosen((current) => ({ ...current, [kind]: channel }))}
                  />
                  {channelLabel}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </form>
      )}
    </section>
  );
}
