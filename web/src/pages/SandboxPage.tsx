import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError } from '../api';
import { Alert } from '../components/Alert';
import { useLivePollInterval } from '../live/LiveUpdates';
import { queryProblem } from '../query/problems';
import { POLL_INTERVAL_MS } from '../query/queryClient';
import { queryKeys } from '../query/queryKeys';
import { useActiveSession } from '../session/useActiveSession';
import { Thread } from './conversation/Thread';
import { pollErrorMessage } from './pollErrors';

/** The sandbox accepts 1 to 1000 characters (POST /api/sandbox/messages). */
const MAX_TEXT = 1000;

/**
 * "Try your assistant": the member writes as a customer would and reads the assistant's answers. The
 * message goes through the real pipeline (ingest, conversation, ai) on the business's sandbox channel;
 * the conversation is the member's own. Its messages follow the live feed like any conversation's (polled
 * while the feed is down); until the first message has created it, there is no id for an event to name,
 * so it is asked for every 3 s.
 */
export function SandboxPage() {
  const me = useActiveSession()?.user.id;
  const queryClient = useQueryClient();
  const [text, setText] = useState('');
  const pollInterval = useLivePollInterval();
  const conversation = useQuery({
    queryKey: queryKeys.sandboxConversation,
    // Before the first message there is none yet (404): that is an empty chat, not an error.
    queryFn: ({ signal }) =>
      api.sandboxConversation({ signal }).catch((error: unknown) => {
        if (error instanceof ApiError && error.status === 404) {
          return null;
        }
        throw error;
      }),
    refetchInterval: ({ state }) => (state.data ? pollInterval : POLL_INTERVAL_MS),
  });
  const conversationId = conversation.data?.id;
  const messages = useQuery({
    queryKey: queryKeys.conversations.messages(conversationId ?? ''),
    queryFn: ({ signal }) => api.messages(conversationId!, { signal }),
    enabled: !!conversationId,
    refetchInterval: pollInterval,
  });
  const send = useMutation({
    mutationFn: (message: string) => api.sendSandboxMessage(message),
    onSuccess: async () => {
      setText('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.sandboxConversation });
      if (conversationId) {
        await queryClient.invalidateQueries({ queryKey: queryKeys.conversations.messages(conversationId) });
      }
    },
  });

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() && text.length <= MAX_TEXT) {
      send.mutate(text);
    }
  };
  const problem = pollErrorMessage(queryProblem(messages) ?? queryProblem(conversation));
  const tooLong = text.length > MAX_TEXT;

  return (
    <section className="conversation sandbox">
      <h1>Try your assistant</h1>
      <p className="muted" role="note">
        Write as a customer would and see how your assistant answers. This is a test conversation: nothing is sent
        to any customer, it is not in your inbox, and it is left out of your analytics and revenue.
      </p>
      {problem && <Alert>Could not load the conversation: {problem}</Alert>}
      {conversation.isPending && <p className="muted">Loading…</p>}
      {conversation.data === null && <p className="muted">No messages yet: say hello to your assistant.</p>}
      {conversationId && messages.data && messages.data.length > 0 && (
        <Thread conversationId={conversationId} messages={messages.data} contact="You" me={me} />
      )}
      <form className="composer" aria-label="Message your assistant" onSubmit={submit}>
        <label>
          Message
          <textarea value={text} rows={3} onChange={(event) => setText(event.target.value)} />
        </label>
        {tooLong && (
          <p className="field-error" role="alert">
            At most {MAX_TEXT} characters.
          </p>
        )}
        {send.error && (
          <p className="field-error" role="alert">
            {describeError(send.error)}
          </p>
        )}
        <button type="submit" className="button-primary" disabled={send.isPending || !text.trim() || tooLong}>
          Send
        </button>
      </form>
    </section>
  );
}
