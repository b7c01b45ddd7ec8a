import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  ApiError,
  api,
  describeError,
  type ConversationSummary,
  type DeliveryActionResult,
  type DeliveryStatus as Status,
  type Message,
} from '../api';
import { Alert } from '../components/Alert';
import { DeliveryStatus } from '../components/DeliveryStatus';
import { ModeBadge } from '../components/ModeBadge';
import { formatDateTime } from '../format/time';
import { usePolledData } from '../polling/usePolledData';
import { channelLabel, contactName } from './InboxPage';
import { pollErrorMessage } from './pollErrors';

/** One conversation as a thread; a new conversation id starts a fresh view (and fresh polling). */
export function ConversationPage() {
  const { conversationId = '' } = useParams();
  return <ConversationView key={conversationId} conversationId={conversationId} />;
}

function ConversationView({ conversationId }: { conversationId: string }) {
  const summary = useConversationSummary(conversationId);
  const load = useCallback((signal: AbortSignal) => api.messages(conversationId, { signal }), [conversationId]);
  const { data: messages, error, loading } = usePolledData(load);
  const notFound = error instanceof ApiError && error.status === 404;
  const problem = notFound ? null : pollErrorMessage(error);
  const name = summary ? contactName(summary.contact) : 'Conversation';

  return (
    <section className="conversation">
      <p>
        <Link to="/inbox">← Inbox</Link>
      </p>
      <header className="conversation-header">
        <h1>{name}</h1>
        {summary && (
          <>
            <span className="muted">{channelLabel(summary.channel)}</span>
            <ModeBadge mode={summary.mode} />
          </>
        )}
      </header>
      {notFound && <Alert>This conversation does not exist, or belongs to another business.</Alert>}
      {problem && <Alert>Could not load messages: {problem}</Alert>}
      {loading && <p className="muted">Loading messages…</p>}
      {messages && messages.length === 0 && <p className="muted">No messages yet.</p>}
      {messages && messages.length > 0 && <Thread conversationId={conversationId} messages={messages} contact={name} />}
    </section>
  );
}

function Thread({ conversationId, messages, contact }: { conversationId: string; messages: Message[]; contact: string }) {
  const end = useRef<HTMLLIElement>(null);
  const count = messages.length;
  useEffect(() => {
    // Follow the conversation when a message arrives; not on every poll, so reading older ones is not interrupted.
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);
  // A resend or mark-delivered answer shows at once; the next poll (a new messages array) is the truth again.
  const [changed, setChanged] = useState<Record<string, Status>>({});
  useEffect(() => setChanged({}), [messages]);
  const resolved = (result: DeliveryActionResult) =>
    setChanged((previous) => ({ ...previous, [result.id]: result.deliveryStatus }));

  return (
    <ol className="thread" aria-label="Messages">
      {messages.map((message, index) => {
        const inbound = message.direction === 'INBOUND';
        // Sellavie's own messages (checkout links, payment confirmations, receipts): sent like replies, shown apart.
        const system = !inbound && message.authorType === 'SYSTEM';
        const status = changed[message.id] ?? message.deliveryStatus;
        return (
          <li
            key={message.id}
            ref={index === count - 1 ? end : undefined}
            className={inbound ? 'message message-inbound' : system ? 'message message-outbound message-system' : 'message message-outbound'}
          >
            {system ? (
              <p className="message-author" title="Sent by Sellavie: checkout links, payment confirmations and receipts">
                Sellavie<span className="visually-hidden">:</span>
              </p>
            ) : (
              <span className="visually-hidden">{inbound ? `${contact}:` : 'You:'}</span>
            )}
            <p className="message-text">{message.text ?? <em>(no text)</em>}</p>
            <p className="message-meta">
              <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
              {!inbound && <DeliveryStatus status={status} />}
            </p>
            {!inbound && status === 'UNKNOWN' && (
              <UnknownDeliveryActions conversationId={conversationId} messageId={message.id} onResolved={resolved} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

/**
 * The team's two answers to an UNKNOWN delivery, once they have looked on Instagram: send it again,
 * or record that it did arrive (nothing is sent).
 */
function UnknownDeliveryActions({
  conversationId,
  messageId,
  onResolved,
}: {
  conversationId: string;
  messageId: string;
  onResolved: (result: DeliveryActionResult) => void;
}) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const act = async (call: () => Promise<DeliveryActionResult>) => {
    setBusy(true);
    setError(null);
    try {
      onResolved(await call());
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="delivery-actions" role="group" aria-label="What to do with this message">
      <button
        type="button"
        className="button-link"
        disabled={busy}
        onClick={() => act(() => api.resendMessage(conversationId, messageId))}
      >
        Resend
      </button>
      <button
        type="button"
        className="button-link"
        disabled={busy}
        onClick={() => act(() => api.markMessageDelivered(conversationId, messageId))}
      >
        Mark as delivered
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}

/**
 * The conversation's header data: handed over by the inbox link when there is one, otherwise looked
 * up once in the conversation list (a deep link or a reload).
 */
function useConversationSummary(conversationId: string): ConversationSummary | undefined {
  const location = useLocation();
  const passed = (location.state as { conversation?: ConversationSummary } | null)?.conversation;
  const [summary, setSummary] = useState<ConversationSummary | undefined>(
    passed?.id === conversationId ? passed : undefined,
  );

  useEffect(() => {
    if (summary) {
      return;
    }
    const controller = new AbortController();
    api
      .conversations({ signal: controller.signal })
      .then((all) => setSummary(all.find((conversation) => conversation.id === conversationId)))
      .catch(() => {
        // The header falls back to "Conversation"; the messages poll reports real problems.
      });
    return () => controller.abort();
  }, [conversationId, summary]);

  return summary;
}
