import { useCallback } from 'react';
import { Link } from 'react-router-dom';
import { api, type ConversationSummary } from '../api';
import { Alert } from '../components/Alert';
import { ModeBadge } from '../components/ModeBadge';
import { RelativeTime } from '../components/RelativeTime';
import { usePolledData } from '../polling/usePolledData';
import { pollErrorMessage } from './pollErrors';

export function contactName(contact: ConversationSummary['contact']): string {
  return contact.name?.trim() || contact.externalId;
}

export function channelLabel(channel: ConversationSummary['channel']): string {
  const type = channel.type === 'INSTAGRAM' ? 'Instagram' : channel.type;
  return `${type} · ${channel.name}`;
}

/** Every conversation of the business, newest first, refreshed while the page is open. */
export function InboxPage() {
  const load = useCallback((signal: AbortSignal) => api.conversations({ signal }), []);
  const { data: conversations, error, loading } = usePolledData(load);
  const problem = pollErrorMessage(error);

  return (
    <section>
      <h1>Inbox</h1>
      {problem && <Alert>Could not load conversations: {problem}</Alert>}
      {loading && <p className="muted">Loading conversations…</p>}
      {conversations && conversations.length === 0 && <EmptyInbox />}
      {conversations && conversations.length > 0 && (
        <ul className="conversation-list" aria-label="Conversations">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <ConversationItem conversation={conversation} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function ConversationItem({ conversation }: { conversation: ConversationSummary }) {
  const { lastMessage } = conversation;
  return (
    <Link to={`/inbox/${encodeURIComponent(conversation.id)}`} state={{ conversation }} className="conversation-item">
      <span className="conversation-top">
        <strong className="conversation-contact">{contactName(conversation.contact)}</strong>
        <ModeBadge mode={conversation.mode} />
        {lastMessage && (
          <span className="conversation-time">
            <RelativeTime iso={lastMessage.at} />
          </span>
        )}
      </span>
      <span className="conversation-channel">{channelLabel(conversation.channel)}</span>
      <span className="conversation-preview">
        {lastMessage ? (
          <>
            {lastMessage.direction === 'OUTBOUND' && <span className="muted">You: </span>}
            {lastMessage.text ?? <em>(no text)</em>}
          </>
        ) : (
          <em>No messages yet</em>
        )}
      </span>
    </Link>
  );
}

function EmptyInbox() {
  return (
    <div className="empty-state">
      <h2>No conversations yet</h2>
      <p>
        Conversations appear here as soon as a customer sends a direct message to a connected account.{' '}
        <Link to="/channels">Connect your Instagram account</Link> to start.
      </p>
    </div>
  );
}
