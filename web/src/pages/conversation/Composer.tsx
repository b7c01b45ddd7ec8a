import { useMutation, useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type ConversationSummary, type MessageTemplate, type ReplyRequest } from '../../api';
import { queryKeys } from '../../query/queryKeys';
import { useAddedMessage } from './useConversationChange';
import { refusalText } from './windowState';

/** A refused send in words: a 422's reason and alternative; nothing for a 401 (log-in is on its way). */
function sendError(error: unknown): string | null {
  if (!error || (error instanceof ApiError && error.status === 401)) {
    return null;
  }
  if (error instanceof ApiError && error.status === 422) {
    return refusalText(error.reason, error.alternative, error.detail);
  }
  return describeError(error);
}

function useReply(conversationId: string) {
  const added = useAddedMessage(conversationId);
  return useMutation({
    mutationFn: (body: ReplyRequest) => api.reply(conversationId, body),
    onSuccess: added,
  });
}

/** The member's reply: text and, optionally, a link to an image; sent through the outbound queue. */
export function ReplyComposer({ conversationId }: { conversationId: string }) {
  const reply = useReply(conversationId);
  const [text, setText] = useState('');
  const [imageUrl, setImageUrl] = useState('');
  const error = sendError(reply.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!text.trim()) {
      return;
    }
    const image = imageUrl.trim();
    reply.mutate(image ? { text, imageUrl: image } : { text }, {
      onSuccess: () => {
        setText('');
        setImageUrl('');
      },
    });
  };

  return (
    <form className="composer" aria-label="Reply" onSubmit={submit}>
      <label>
        Message
        <textarea value={text} rows={3} onChange={(event) => setText(event.target.value)} />
      </label>
      <label>
        Image link (optional)
        <input type="url" value={imageUrl} placeholder="https://…" onChange={(event) => setImageUrl(event.target.value)} />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={reply.isPending || !text.trim()}>
        Send
      </button>
    </form>
  );
}

/** WhatsApp outside the 24 h window takes only an approved template: pick one, fill its parameters, send. */
export function TemplatePicker({ conversation }: { conversation: ConversationSummary }) {
  const channelId = conversation.channel.id;
  const templates = useQuery({
    queryKey: queryKeys.templates(channelId),
    queryFn: ({ signal }) => api.templates(channelId, { signal }),
  });
  const reply = useReply(conversation.id);
  const [chosen, setChosen] = useState('');
  const [parameters, setParameters] = useState<string[]>([]);
  const template = templates.data?.find((candidate) => templateId(candidate) === chosen);
  const error = sendError(reply.error);
  const loadError = templates.error && !(templates.error instanceof ApiError && templates.error.status === 401) ? describeError(templates.error) : null;

  const choose = (id: string) => {
    setChosen(id);
    const next = templates.data?.find((candidate) => templateId(candidate) === id);
    setParameters(Array.from({ length: next?.parameterCount ?? 0 }, () => ''));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!template) {
      return;
    }
    reply.mutate(
      { template: { name: template.name, language: template.language, parameters } },
      { onSuccess: () => choose('') },
    );
  };

  return (
    <form className="composer template-picker" aria-label="Template" onSubmit={submit}>
      <label>
        Template
        <select value={chosen} onChange={(event) => choose(event.target.value)}>
          <option value="">{templates.isPending ? 'Loading templates…' : 'Choose a template'}</option>
          {templates.data?.map((candidate) => (
            <option key={templateId(candidate)} value={templateId(candidate)}>
              {candidate.name} ({candidate.language})
            </option>
          ))}
        </select>
      </label>
      {loadError && <p className="field-error">Could not load templates: {loadError}</p>}
      {templates.data?.length === 0 && <p className="muted">This WhatsApp account has no approved template.</p>}
      {template && (
        <>
          <p className="template-body">{template.body}</p>
          {parameters.map((value, index) => (
            <label key={index}>
              Parameter {index + 1}
              <input
                value={value}
                required
                onChange={(event) => setParameters((previous) => previous.map((old, at) => (at === index ? event.target.value : old)))}
              />
            </label>
          ))}
        </>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-primary" disabled={!template || reply.isPending}>
        Send template
      </button>
    </form>
  );
}

function templateId(template: MessageTemplate): string {
  return `${template.name}:${template.language}`;
}

/** An internal note: for the team only, never sent to the customer. */
export function NoteForm({ conversationId }: { conversationId: string }) {
  const added = useAddedMessage(conversationId);
  const note = useMutation({ mutationFn: (text: string) => api.addNote(conversationId, text), onSuccess: added });
  const [text, setText] = useState('');
  const error = sendError(note.error);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim()) {
      note.mutate(text, { onSuccess: () => setText('') });
    }
  };

  return (
    <form className="composer note-form" aria-label="Internal note" onSubmit={submit}>
      <label>
        Note (the customer never sees it)
        <textarea value={text} rows={2} onChange={(event) => setText(event.target.value)} />
      </label>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="button-secondary" disabled={note.isPending || !text.trim()}>
        Add note
      </button>
    </form>
  );
}
