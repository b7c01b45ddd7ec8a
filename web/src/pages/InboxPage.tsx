import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { api, type ConversationFilter, type ConversationSummary } from '../api';
import { Alert } from '../components/Alert';
import { Avatar } from '../components/Avatar';
import { ModeBadge } from '../components/ModeBadge';
import { RelativeTime } from '../components/RelativeTime';
import { useLivePollInterval } from '../live/LiveUpdates';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useActiveSession } from '../session/useActiveSession';
import { pollErrorMessage } from './pollErrors';

export function contactName(contact: ConversationSummary['contact']): string {
  return contact.name?.trim() || contact.externalId;
}

const channelTypes: Record<string, string> = {
  INSTAGRAM: 'Instagram',
  MESSENGER: 'Messenger',
  WHATSAPP: 'WhatsApp',
  SANDBOX: 'Sandbox',
};

export function channelLabel(channel: ConversationSummary['channel']): string {
  return `${channelTypes[channel.type] ?? channel.type} · ${channel.name}`;
}

const filters: Array<[ConversationFilter, string]> = [
  ['all', 'All'],
  ['mine', 'Mine'],
  ['unassigned', 'Unassigned'],
  ['bot', 'Bot'],
  ['human', 'Human'],
  ['closed', 'Closed'],
];

type Search = { q: string; label: string };

/**
 * The business's conversations, newest activity first, refreshed while the page is open: one filter
 * (mine, unassigned, by mode) with a label and a text search on top, a page at a time ("Load more"
 * follows the server's X-Next-Cursor).
 */
export function InboxPage() {
  const [filter, setFilter] = useState<ConversationFilter>('all');
  const [search, setSearch] = useState<Search>({ q: '', label: '' });
  const me = useActiveSession()?.user.id;
  const criteria = { filter, q: search.q, label: search.label };
  const pollInterval = useLivePollInterval();

  const query = useInfiniteQuery({
    queryKey: queryKeys.conversations.list(criteria),
    queryFn: ({ signal, pageParam }) => api.conversationPage({ ...criteria, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    refetchInterval: pollInterval,
  });
  const conversations = query.data ? distinct(query.data.pages.flatMap((page) => page.items)) : undefined;
  const problem = pollErrorMessage(queryProblem(query));
  const narrowed = filter !== 'all' || search.q !== '' || search.label !== '';

  return (
    <section>
      <h1>Inbox</h1>
      <div className="inbox-tools">
        <div className="filter-tabs" role="group" aria-label="Show">
          {filters.map(([value, label]) => (
            <button
              key={value}
              type="button"
              className="filter-tab"
              aria-pressed={filter === value}
              onClick={() => setFilter(value)}
            >
              {label}
            </button>
          ))}
        </div>
        <SearchForm applied={search} onSearch={setSearch} />
      </div>
      {problem && <Alert>Could not load conversations: {problem}</Alert>}
      {query.isPending && !problem && <p className="muted">Loading conversations…</p>}
      {conversations && conversations.length === 0 && (narrowed ? <p className="muted">No conversation matches.</p> : <EmptyInbox />)}
      {conversations && conversations.length > 0 && (
        <ul className="conversation-list" aria-label="Conversations">
          {conversations.map((conversation) => (
            <li key={conversation.id}>
              <ConversationItem conversation={conversation} me={me} />
            </li>
          ))}
        </ul>
      )}
      {query.hasNextPage && (
        <p>
          <button
            type="button"
            className="button-secondary"
            disabled={query.isFetchingNextPage}
            onClick={() => void query.fetchNextPage()}
          >
            {query.isFetchingNextPage ? 'Loading…' : 'Load more'}
          </button>
        </p>
      )}
    </section>
  );
}

/** A conversation that moved up while older pages were loaded is shown once, where it is now. */
function distinct(conversations: ConversationSummary[]): ConversationSummary[] {
  const seen = new Set<string>();
  return conversations.filter((conversation) => !seen.has(conversation.id) && Boolean(seen.add(conversation.id)));
}

/** The text and label searches apply together, on submit (not on every key: each change is a new list). */
function SearchForm({ applied, onSearch }: { applied: Search; onSearch: (search: Search) => void }) {
  const [q, setQ] = useState(applied.q);
  const [label, setLabel] = useState(applied.label);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: q.trim(), label: label.trim().toLowerCase() });
  };
  const clear = () => {
    setQ('');
    setLabel('');
    onSearch({ q: '', label: '' });
  };

  return (
    <form role="search" aria-label="Search conversations" className="inbox-search" onSubmit={submit}>
      <label>
        Search
        <input type="search" value={q} onChange={(event) => setQ(event.target.value)} placeholder="Name or message text" />
      </label>
      <label>
        Label
        <input value={label} onChange={(event) => setLabel(event.target.value)} placeholder="e.g. vip" />
      </label>
      <button type="submit" className="button-primary">
        Search
      </button>
      {(applied.q || applied.label) && (
        <button type="button" className="button-link" onClick={clear}>
          Clear
        </button>
      )}
    </form>
  );
}

function ConversationItem({ conversation, me }: { conversation: ConversationSummary; me: string | undefined }) {
  const { lastMessage, unread = 0, labels = [], assigneeId, contact } = conversation;
  const name = contactName(contact);
  return (
    <Link to={`/inbox/${encodeURIComponent(conversation.id)}`} state={{ conversation }} className="conversation-item">
      <span className="conversation-top">
        <Avatar name={name} pictureUrl={contact.pictureUrl} />
        <strong className="conversation-contact">{name}</strong>
        <ModeBadge mode={conversation.mode} />
        {unread > 0 && (
          <span className="badge badge-unread" title={`${unread} unread`}>
            {unread}
            <span className="visually-hidden"> unread</span>
          </span>
        )}
        {assigneeId && (
          <span className="badge badge-assignee" title={assigneeId === me ? 'Assigned to you' : 'Assigned to a team member'}>
            {assigneeId === me ? 'You' : 'Assigned'}
          </span>
        )}
        {lastMessage && (
          <span className="conversation-time">
            <RelativeTime iso={lastMessage.at} />
          </span>
        )}
      </span>
      <span className="conversation-channel">
        {contact.username && <>@{contact.username} · </>}
        {channelLabel(conversation.channel)}
      </span>
      {labels.length > 0 && (
        <span className="conversation-labels">
          {labels.map((label) => (
            <span key={label} className="label-chip">
              {label}
            </span>
          ))}
        </span>
      )}
      <span className="conversation-preview">
        {lastMessage ? (
          <>
            {lastMessage.direction === 'OUTBOUND' && <span className="muted">You: </span>}
            {lastMessage.direction === 'INTERNAL' && <span className="muted">Note: </span>}
            {lastMessage.kind === 'COMMENT' && <span className="muted">Commented on a post: </span>}
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
