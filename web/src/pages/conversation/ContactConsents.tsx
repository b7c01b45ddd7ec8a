import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type ConsentChange, type ConsentPurpose, type ConsentRecord, type ConsentStatus } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../../components/formErrors';
import { formatDateTime } from '../../format/time';
import { queryProblem } from '../../query/problems';
import { queryKeys } from '../../query/queryKeys';
import { canManageCommerce, useRole } from '../../session/role';
import { pollErrorMessage } from '../pollErrors';

const MAX_SOURCE = 100;
const purposes: ReadonlyArray<{ value: ConsentPurpose; label: string }> = [
  { value: 'MESSAGING', label: 'Messaging' },
  { value: 'MARKETING', label: 'Marketing' },
];
const statuses: ReadonlyArray<{ value: ConsentStatus; label: string }> = [
  { value: 'GRANTED', label: 'Granted' },
  { value: 'WITHDRAWN', label: 'Withdrawn' },
];
const fields = ['purpose', 'status', 'source'] as const;

/**
 * What the customer agreed to (issue 9, privacy): the current state per purpose and the history
 * (what, granted or withdrawn, when, from which source). Every member reads it; OWNER and ADMIN record
 * a change, since it is the business's legal record.
 */
export function ContactConsents({ contactId }: { contactId: string }) {
  const consents = useQuery({
    queryKey: queryKeys.consents(contactId),
    queryFn: ({ signal }) => api.consents(contactId, { signal }),
  });
  const [recording, setRecording] = useState(false);
  const canRecord = canManageCommerce(useRole());
  const problem = pollErrorMessage(queryProblem(consents));
  const history = consents.data ?? [];

  return (
    <section className="contact-consents" aria-label="Consent">
      <h3>Consent</h3>
      {problem && !consents.data && <p className="muted">Could not load the consent records: {problem}</p>}
      {consents.data && (
        <ul className="consent-current">
          {purposes.map((purpose) => (
            <li key={purpose.value}>
              {purpose.label}: {currentLabel(history, purpose.value)}
            </li>
          ))}
        </ul>
      )}
      {history.length > 0 && (
        <table className="consent-history" aria-label="Consent history">
          <thead>
            <tr>
              <th>What</th>
              <th>Status</th>
              <th>Source</th>
              <th>When</th>
            </tr>
          </thead>
          <tbody>
            {history.map((record) => (
              <tr key={record.id}>
                <td>{labelOf(purposes, record.purpose)}</td>
                <td>{labelOf(statuses, record.status)}</td>
                <td>{record.source}</td>
                <td>{formatDateTime(record.recordedAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {canRecord && !recording && consents.data && (
        <button type="button" className="button-secondary" onClick={() => setRecording(true)}>
          Record consent
        </button>
      )}
      {canRecord && recording && <ConsentForm contactId={contactId} onDone={() => setRecording(false)} />}
    </section>
  );
}

function ConsentForm({ contactId, onDone }: { contactId: string; onDone: () => void }) {
  const [purpose, setPurpose] = useState<ConsentPurpose>('MESSAGING');
  const [status, setStatus] = useState<ConsentStatus>('GRANTED');
  const [source, setSource] = useState('');
  const [errors, setErrors] = useState<FormErrors<(typeof fields)[number]>>(noErrors);
  const queryClient = useQueryClient();
  const record = useMutation({
    mutationFn: (change: ConsentChange) => api.recordConsent(contactId, change),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.consents(contactId) }),
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = source.trim();
    if (!trimmed || trimmed.length > MAX_SOURCE) {
      setErrors({ fields: { source: trimmed ? `At most ${MAX_SOURCE} characters.` : 'Say how you know, e.g. "in the chat".' }, general: null });
      return;
    }
    setErrors(noErrors);
    record.mutate(
      { purpose, status, source: trimmed },
      {
        onSuccess: onDone,
        onError: (error) => {
          if (error instanceof ApiError && error.status === 403) {
            setErrors({ fields: {}, general: 'Only an owner or an admin can record consent.' });
          } else if (error instanceof ApiError && error.status === 404) {
            setErrors({ fields: {}, general: 'This contact no longer exists, or belongs to another business.' });
          } else if (!(error instanceof ApiError && error.status === 401)) {
            setErrors(formErrorsFrom(error, fields));
          }
        },
      },
    );
  };

  return (
    <form className="consent-form" aria-label="Record consent" onSubmit={submit} noValidate>
      {errors.general && <Alert>{errors.general}</Alert>}
      <SelectField label="What" value={purpose} onChange={setPurpose} options={purposes} error={errors.fields.purpose} />
      <SelectField label="Status" value={status} onChange={setStatus} options={statuses} error={errors.fields.status} />
      <Field
        label="Source"
        value={source}
        onChange={setSource}
        error={errors.fields.source}
        hint="How the customer told you, e.g. in the chat, website form, in store."
      />
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={record.isPending}>
          {record.isPending ? 'Saving…' : 'Save consent'}
        </button>
        <button type="button" className="button-secondary" disabled={record.isPending} onClick={onDone}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The newest record of the purpose decides; none means the customer was never asked. */
function currentLabel(history: ConsentRecord[], purpose: ConsentPurpose): string {
  const latest = history.find((record) => record.purpose === purpose);
  if (!latest) {
    return 'not recorded';
  }
  return `${latest.status === 'GRANTED' ? 'granted' : 'withdrawn'} on ${formatDateTime(latest.recordedAt)}`;
}

function labelOf<V extends string>(options: ReadonlyArray<{ value: V; label: string }>, value: V): string {
  return options.find((option) => option.value === value)?.label ?? value;
}
