import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type ConversationSummary } from '../../api';
import { queryKeys } from '../../query/queryKeys';
import { useConversationChange } from './useConversationChange';

/** A failed change in words; nothing for a 401 (the session ended and log-in is on its way). */
function changeError(error: unknown): string | null {
  if (!error || (error instanceof ApiError && error.status === 401)) {
    return null;
  }
  return describeError(error);
}

/**
 * Who answers: Take over (the assistant falls silent and the conversation is the member's), Release
 * (back to the assistant), Close. The server's answer is the conversation as it now is.
 */
export function ModeActions({ conversation }: { conversation: ConversationSummary }) {
  const change = useConversationChange(conversation.id);
  const { mode, id } = conversation;
  const error = changeError(change.error);
  const run = (call: (conversationId: string) => Promise<ConversationSummary>) => change.mutate(() => call(id));

  return (
    <div className="conversation-actions" role="group" aria-label="Who answers">
      {mode !== 'HUMAN' && (
        <button type="button" className="button-primary" disabled={change.isPending} onClick={() => run(api.takeOver)}>
          Take over
        </button>
      )}
      {mode !== 'BOT' && (
        <button type="button" className="button-secondary" disabled={change.isPending} onClick={() => run(api.release)}>
          Release
        </button>
      )}
      {mode !== 'CLOSED' && (
        <button type="button" className="button-secondary" disabled={change.isPending} onClick={() => run(api.close)}>
          Close
        </button>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * Assigned to me, to another member or to nobody: the member assigns it to themselves, to anyone of the
 * business's team (GET /api/members; without that list, only to themselves) or to nobody.
 */
export function Assignment({ conversation, me }: { conversation: ConversationSummary; me: string | undefined }) {
  const change = useConversationChange(conversation.id);
  const team = useQuery({ queryKey: queryKeys.members, queryFn: ({ signal }) => api.members({ signal }), staleTime: 60_000 });
  const { assigneeId, id } = conversation;
  const error = changeError(change.error);
  const members = team.data?.members ?? [];
  const assignee = members.find((member) => member.userId === assigneeId);
  const status = !assigneeId
    ? 'Unassigned'
    : assigneeId === me
      ? 'Assigned to you'
      : assignee
        ? `Assigned to ${assignee.email}`
        : 'Assigned to a team member';

  return (
    <div className="conversation-assignment" role="group" aria-label="Assignment">
      <span className="muted">{status}</span>
      {me && assigneeId !== me && (
        <button type="button" className="button-link" disabled={change.isPending} onClick={() => change.mutate(() => api.assign(id, me))}>
          Assign to me
        </button>
      )}
      {members.length > 1 && (
        <select
          aria-label="Assign to"
          value={assigneeId ?? ''}
          disabled={change.isPending}
          onChange={(event) => {
            // Read now: the controlled select shows the server's assignee again until the answer comes.
            const assignee = event.target.value || null;
            change.mutate(() => api.assign(id, assignee));
          }}
        >
          <option value="">Nobody</option>
          {members.map((member) => (
            <option key={member.userId} value={member.userId}>
              {member.userId === me ? `${member.email} (you)` : member.email}
            </option>
          ))}
        </select>
      )}
      {assigneeId && (
        <button type="button" className="button-link" disabled={change.isPending} onClick={() => change.mutate(() => api.assign(id, null))}>
          Unassign
        </button>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

const MAX_LABELS = 20;
const MAX_LABEL_LENGTH = 32;

/** The conversation's labels: each removable, one added at a time (lower-case, trimmed, as the server keeps them). */
export function LabelsEditor({ conversation }: { conversation: ConversationSummary }) {
  const change = useConversationChange(conversation.id);
  const labels = conversation.labels ?? [];
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState<string | null>(null);
  const error = invalid ?? changeError(change.error);

  const save = (next: string[], onSaved?: () => void) => {
    setInvalid(null);
    change.mutate(() => api.setLabels(conversation.id, next), { onSuccess: onSaved });
  };

  const add = (event: FormEvent) => {
    event.preventDefault();
    const label = draft.trim().toLowerCase();
    if (!label) {
      return;
    }
    if (label.length > MAX_LABEL_LENGTH) {
      setInvalid(`A label has at most ${MAX_LABEL_LENGTH} characters.`);
    } else if (labels.includes(label)) {
      setDraft('');
    } else if (labels.length >= MAX_LABELS) {
      setInvalid(`A conversation has at most ${MAX_LABELS} labels.`);
    } else {
      save([...labels, label], () => setDraft(''));
    }
  };

  return (
    <div className="conversation-labels-editor">
      <ul className="label-list" aria-label="Labels">
        {labels.map((label) => (
          <li key={label} className="label-chip">
            {label}
            <button
              type="button"
              className="button-link"
              aria-label={`Remove label ${label}`}
              disabled={change.isPending}
              onClick={() => save(labels.filter((other) => other !== label))}
            >
              ×
            </button>
          </li>
        ))}
      </ul>
      <form className="inline-form" onSubmit={add}>
        <label>
          New label
          <input value={draft} onChange={(event) => setDraft(event.target.value)} />
        </label>
        <button type="submit" className="button-secondary" disabled={change.isPending}>
          Add label
        </button>
      </form>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
