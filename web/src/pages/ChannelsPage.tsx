import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type Channel, type ConnectChannelRequest } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, missingFields, noErrors, type FormErrors } from '../components/formErrors';
import { formatDate } from '../format/time';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { pollErrorMessage } from './pollErrors';

const fields = ['externalId', 'name', 'accessToken'] as const;
type ConnectField = (typeof fields)[number];
type ConnectValues = Record<ConnectField, string>;

const emptyForm: ConnectValues = { externalId: '', name: '', accessToken: '' };

const required: Record<ConnectField, string> = {
  externalId: 'Enter the Instagram account id.',
  name: 'Give the channel a name.',
  accessToken: 'Paste the access token.',
};

/** The business's connected channels and the form to connect an Instagram account. */
export function ChannelsPage() {
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.channels, queryFn: ({ signal }) => api.channels({ signal }) });
  const channels = query.data;
  const loadError = queryProblem(query);

  // The answer is the new channel as stored: it joins the cached list, no need to read it all again.
  const connected = (channel: Channel) =>
    queryClient.setQueryData<Channel[]>(queryKeys.channels, (current) => [
      ...(current ?? []).filter((existing) => existing.id !== channel.id),
      channel,
    ]);

  const problem = pollErrorMessage(loadError);
  return (
    <section>
      <h1>Channels</h1>
      {problem && <Alert>Could not load channels: {problem}</Alert>}
      {channels === undefined && !problem && <p className="muted">Loading channels…</p>}
      {channels && channels.length === 0 && <p className="muted">No channel connected yet.</p>}
      {channels && channels.length > 0 && <ChannelList channels={channels} />}
      <ConnectInstagramForm onConnected={connected} />
    </section>
  );
}

function ChannelList({ channels }: { channels: Channel[] }) {
  return (
    <table className="channel-table">
      <caption className="visually-hidden">Connected channels</caption>
      <thead>
        <tr>
          <th scope="col">Name</th>
          <th scope="col">Type</th>
          <th scope="col">Account id</th>
          <th scope="col">Access token</th>
          <th scope="col">Status</th>
          <th scope="col">Connected</th>
        </tr>
      </thead>
      <tbody>
        {channels.map((channel) => (
          <tr key={channel.id}>
            <td>{channel.name}</td>
            <td>{channel.type === 'INSTAGRAM' ? 'Instagram' : channel.type}</td>
            <td>
              <code>{channel.externalId}</code>
            </td>
            <td>
              <code>{channel.accessToken}</code>
            </td>
            <td>
              <span className="badge">{channel.status}</span>
            </td>
            <td>{formatDate(channel.createdAt)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ConnectInstagramForm({ onConnected }: { onConnected: (channel: Channel) => void }) {
  const [values, setValues] = useState<ConnectValues>(emptyForm);
  const [errors, setErrors] = useState<FormErrors<ConnectField>>(noErrors);
  const connect = useMutation({ mutationFn: (request: ConnectChannelRequest) => api.connectChannel(request) });
  const submitting = connect.isPending;
  const [connected, setConnected] = useState<Channel | null>(null);

  const set = (field: ConnectField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setConnected(null);
    const missing = missingFields(values, required);
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const channel = await connect.mutateAsync({
        type: 'INSTAGRAM',
        externalId: values.externalId.trim(),
        name: values.name.trim(),
        accessToken: values.accessToken.trim(),
      });
      setValues(emptyForm);
      setConnected(channel);
      onConnected(channel);
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setErrors({ fields: {}, general: error.detail ?? 'This Instagram account is already connected.' });
      } else if (error instanceof ApiError && error.status === 401) {
        // The session ended; the route guard is taking the user to log-in.
      } else {
        setErrors(formErrorsFrom(error, fields));
      }
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form card">
      <h2>Connect Instagram</h2>
      <p className="muted">
        Use the Instagram professional account id and a token with the <code>instagram_business_manage_messages</code>{' '}
        permission. The token is stored encrypted and never shown again in full.
      </p>
      {connected && (
        <Alert tone="success">
          Connected {connected.name}. Access token stored as <code>{connected.accessToken}</code>.
        </Alert>
      )}
      {errors.general && <Alert>{errors.general}</Alert>}
      <Field
        label="Instagram account id"
        inputMode="numeric"
        autoComplete="off"
        value={values.externalId}
        onChange={set('externalId')}
        error={errors.fields.externalId}
      />
      <Field label="Channel name" autoComplete="off" value={values.name} onChange={set('name')} error={errors.fields.name} />
      <Field
        label="Access token"
        type="password"
        autoComplete="off"
        value={values.accessToken}
        onChange={set('accessToken')}
        error={errors.fields.accessToken}
      />
      <button type="submit" className="button-primary" disabled={submitting}>
        Connect
      </button>
    </form>
  );
}
