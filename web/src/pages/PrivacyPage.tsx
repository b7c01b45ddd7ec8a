import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router-dom';
import { ApiError, api, describeError, type PrivacyRequest } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { RelativeTime } from '../components/RelativeTime';
import { saveFile } from '../download';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useRole } from '../session/role';
import { useActiveSession } from '../session/useActiveSession';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Settings → Privacy (OWNER): export or erase one contact's data (its id, e.g. from a conversation's
 * link `?contactId=`) or the whole business's (erasing it asks for the business name), and every
 * request's progress per service, refreshed while one is pending; a ready export downloads as a ZIP.
 */
export function PrivacyPage() {
  const role = useRole();
  return (
    <section className="privacy-settings">
      <p className="eyebrow">Settings</p>
      <h1>Privacy</h1>
      <SettingsTabs />
      {role === 'OWNER' ? <PrivacyRequests /> : <p className="lead">Only the business's owner can make privacy requests.</p>}
    </section>
  );
}

function PrivacyRequests() {
  const queryClient = useQueryClient();
  const businessName = useActiveSession()?.business.name ?? '';
  const [params] = useSearchParams();
  const [contactId, setContactId] = useState(params.get('contactId') ?? '');
  const [contactError, setContactError] = useState<string | undefined>();
  const [confirmName, setConfirmName] = useState('');
  const [actionError, setActionError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const query = useQuery({
    queryKey: queryKeys.privacyRequests,
    queryFn: ({ signal }) => api.privacyRequests({ signal }),
    refetchInterval: (current) =>
      current.state.data?.requests.some((request) => request.status === 'PENDING') ? 5000 : false,
  });
  const start = useMutation({
    mutationFn: ({ kind, contact }: { kind: 'EXPORT' | 'ERASURE'; contact: string | null }) =>
      kind === 'EXPORT' ? api.requestPrivacyExport(contact) : api.requestPrivacyErasure(contact),
  });
  const retry = useMutation({ mutationFn: (id: string) => api.retryPrivacyErasure(id) });

  const run = async (action: () => Promise<unknown>, done: string) => {
    setActionError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      await queryClient.invalidateQueries({ queryKey: queryKeys.privacyRequests });
    } catch (error) {
      setActionError(describeError(error));
    }
  };

  const forContact = (kind: 'EXPORT' | 'ERASURE') => {
    const id = contactId.trim();
    if (!UUID.test(id)) {
      setContactError('Enter the contact id (it looks like 0193…-…).');
      return;
    }
    setContactError(undefined);
    void run(() => start.mutateAsync({ kind, contact: id }),
      kind === 'EXPORT' ? 'Export requested.' : 'Erasure requested.');
  };

  const eraseBusiness = (event: FormEvent) => {
    event.preventDefault();
    void run(async () => {
      await start.mutateAsync({ kind: 'ERASURE', contact: null });
      setConfirmName('');
    }, 'Erasure of the whole business requested.');
  };

  const download = async (request: PrivacyRequest) => {
    setActionError(null);
    try {
      saveFile(await api.privacyExportArchive(request.id), `sellavie-export-${request.id}.zip`);
    } catch (error) {
      setActionError(`Could not download the archive: ${describeError(error)}`);
    }
  };

  const requests = query.data?.requests;
  const loadError = queryProblem(query);
  const problem = loadError instanceof ApiError && loadError.status === 403
    ? 'only the owner can see privacy requests.' : pollErrorMessage(loadError);
  const busy = start.isPending || retry.isPending;
  return (
    <>
      <p className="lead">
        Export everything Sellavie holds about a customer, or erase it from every service. Requests run in the
        background; each service reports when its part is done.
      </p>
      {actionError && <Alert>{actionError}</Alert>}
      {notice && <p role="status">{notice}</p>}
      <h2>A contact</h2>
      <Field label="Contact id" value={contactId} onChange={setContactId} error={contactError}
        hint="Open a conversation and use its contact's privacy link, or paste the contact's id." />
      <div className="actions">
        <button type="button" disabled={busy} onClick={() => forContact('EXPORT')}>Export contact's data</button>
        <button type="button" className="danger" disabled={busy} onClick={() => forContact('ERASURE')}>
          Erase contact's data
        </button>
      </div>
      <h2>The whole business</h2>
      <div className="actions">
        <button type="button" disabled={busy}
          onClick={() => void run(() => start.mutateAsync({ kind: 'EXPORT', contact: null }), 'Export of the whole business requested.')}>
          Export all data
        </button>
      </div>
      <form onSubmit={eraseBusiness} aria-label="Erase the whole business's data">
        <Field label={`Type the business name (${businessName}) to erase all its customers' data`} value={confirmName}
          onChange={setConfirmName} autoComplete="off" />
        <button type="submit" className="danger" disabled={busy || confirmName.trim() !== businessName || !businessName}>
          Erase all data
        </button>
      </form>
      <h2>Requests</h2>
      {problem && <Alert>Could not load the privacy requests: {problem}</Alert>}
      {requests === undefined && !problem && <p className="muted">Loading requests…</p>}
      {requests?.length === 0 && <p className="muted">No privacy requests yet.</p>}
      {requests && requests.length > 0 && (
        <table aria-label="Privacy requests">
          <thead>
            <tr>
              <th scope="col">Request</th>
              <th scope="col">Status</th>
              <th scope="col">Requested</th>
              <th scope="col">Services</th>
              <th scope="col"><span className="visually-hidden">Actions</span></th>
            </tr>
          </thead>
          <tbody>
            {requests.map((request) => (
              <tr key={request.id}>
                <td>{describe(request)}</td>
                <td>{statusLabel(request)}</td>
                <td><RelativeTime iso={request.createdAt} /></td>
                <td>
                  {request.services.filter((part) => part.status === 'DONE').length} of {request.services.length} done
                  <ul className="plain">
                    {request.services.filter((part) => part.status !== 'DONE').map((part) => (
                      <li key={part.service}>
                        {part.service}: {part.status === 'FAILED' ? `failed${part.detail ? ` (${part.detail})` : ''}` : 'pending'}
                      </li>
                    ))}
                  </ul>
                </td>
                <td>
                  {request.kind === 'EXPORT' && request.status === 'COMPLETED' && (
                    <button type="button" className="button-link" onClick={() => void download(request)}>
                      Download archive
                    </button>
                  )}
                  {request.kind === 'ERASURE' && request.status === 'FAILED' && (
                    <button type="button" className="button-link" disabled={busy}
                      onClick={() => void run(() => retry.mutateAsync(request.id), 'Erasure retried.')}>
                      Retry
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}

function describe(request: PrivacyRequest): string {
  const what = request.kind === 'EXPORT' ? 'Export' : 'Erasure';
  if (request.scope === 'BUSINESS') {
    return `${what} of the whole business`;
  }
  return request.contactId ? `${what} of contact ${request.contactId}` : `${what} (Meta user)`;
}

function statusLabel(request: PrivacyRequest): string {
  if (request.status === 'COMPLETED') {
    return request.kind === 'EXPORT' ? 'Ready' : 'Erased';
  }
  return request.status === 'FAILED' ? 'Failed' : 'In progress';
}
