import { useQuery } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { ApiError, api, type ConversationSummary } from '../api';
import { Alert } from '../components/Alert';
import { Avatar } from '../components/Avatar';
import { ModeBadge } from '../components/ModeBadge';
import { useLivePollInterval } from '../live/LiveUpdates';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useActiveSession } from '../session/useActiveSession';
import { NoteForm, ReplyComposer, TemplatePicker } from './conversation/Composer';
import { ContactCard } from './conversation/ContactCard';
import { Assignment, LabelsEditor, ModeActions } from './conversation/ConversationControls';
import { Thread } from './conversation/Thread';
import { useConversationChange } from './conversation/useConversationChange';
import { windowState } from './conversation/windowState';
import { channelLabel, contactName } from './InboxPage';
import { pollErrorMessage } from './pollErrors';

/** One conversation as a thread; a new conversation id starts a fresh view (and fresh polling). */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  return <ConversationView key={conversationId} conversationId={conversationId} />;
}

const isNotFound = (error: unknown) => error instanceof ApiError && error.status === 404;

function ConversationView({ conversationId }: { conversationId: string }) {
  const me = useActiveSession()?.user.id;
  const pollInterval = useLivePollInterval();
  const location = useLocation();
  // The inbox hands its copy over, so the header shows at once; the detail read replaces it.
  const passed = (location.state as { conversation?: ConversationSummary } | null)?.conversation;
  const detail = useQuery({
    queryKey: queryKeys.conversations.detail(conversationId),
    queryFn: ({ signal }) => api.conversation(conversationId, { signal }),
    placeholderData: passed?.id === conversationId ? passed : undefined,
    refetchInterval: ({ state }) => (isNotFound(state.error) ? false : pollInterval),
  });
  const messages = useQuery({
    queryKey: queryKeys.conversations.messages(conversationId),
    queryFn: ({ signal }) => api.messages(conversationId, { signal }),
    refetchInterval: ({ state }) => (isNotFound(state.error) ? false : pollInterval),
  });
  useMarkReadOnOpen(conversationId);

  const failure = queryProblem(messages) ?? queryProblem(detail);
  const notFound = isNotFound(queryProblem(messages)) || isNotFound(queryProblem(detail));
  const problem = notFound ? null : pollErrorMessage(failure);
  const conversation = detail.data;
  const name = conversation ? contactName(conversation.contact) : 'Conversation';
  const replyWindow = conversation ? windowState(conversation.channel.type, conversation.windowClosesAt) : null;

  return (
    <section className="conversation">
      <p>
        <Link to="/inbox">← Inbox</Link>
      </p>
      <header className="conversation-header">
        {conversation && <Avatar name={name} pictureUrl={conversation.contact.pictureUrl} size="large" />}
        <h1>{name}</h1>
        {conversation && (
          <>
            {conversation.contact.username && <span className="contact-username">@{conversation.contact.username}</span>}
            <span className="muted">{channelLabel(conversation.channel)}</span>
            <ModeBadge mode={conversation.mode} />
          </>
        )}
      </header>
      {conversation && !notFound && (
        <div className="conversation-controls">
          <ModeActions conversation={conversation} />
          <Assignment conversation={conversation} me={me} />
          <LabelsEditor conversation={conversation} />
        </div>
      )}
      {conversation && !notFound && <ContactCard conversation={conversation} />}
      {notFound && <Alert>This conversation does not exist, or belongs to another business.</Alert>}
      {problem && <Alert>Could not load messages: {problem}</Alert>}
      {messages.isPending && !failure && <p className="muted">Loading messages…</p>}
      {messages.data && messages.data.length === 0 && <p className="muted">No messages yet.</p>}
      {messages.data && messages.data.length > 0 && (
        <Thread conversationId={conversationId} messages={messages.data} contact={name} me={me} />
      )}
      {conversation && !notFound && (
        <div className="conversation-compose">
          {replyWindow && (
            <p className={replyWindow.open ? 'window-state window-open' : 'window-state window-closed'} role="status">
              {replyWindow.text}
            </p>
          )}
          <ReplyComposer conversationId={conversationId} />
          {conversation.channel.type === 'WHATSAPP' && <TemplatePicker conversation={conversation} />}
          <NoteForm conversationId={conversationId} />
        </div>
      )}
    </section>
  );
}

/** Opening a conversation reads it: its unread count goes back to 0 (best effort: a failure changes nothing shown). */
function useMarkReadOnOpen(conversationId: string) {
  const read = useConversationChange(conversationId);
  const sent = useRef(false);
  const { mutate } = read;
  useEffect(() => {
    if (!sent.current) {
      sent.current = true;
      mutate(() => api.markRead(conversationId));
    }
  }, [conversationId, mutate]);
}
