import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router-dom';
import { api, type AttentionMessage } from '../api';
import { Alert } from '../components/Alert';
import { DeliveryStatus } from '../components/DeliveryStatus';
import { RelativeTime } from '../components/RelativeTime';
import { useLivePollInterval } from '../live/LiveUpdates';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { pollErrorMessage } from './pollErrors';

/**
 * Replies the system could not settle on its own, across every conversation: UNKNOWN (maybe sent),
 * EXPIRED (held up too long) and FAILED (refused by Instagram). Each links to its conversation,
 * where the team resends, marks delivered or answers by hand.
 */
export function AttentionPage() {
  const pollInterval = useLivePollInterval();
  const query = useQuery({
    queryKey: queryKeys.attention,
    queryFn: ({ signal }) => api.attention({ signal }),
    refetchInterval: pollInterval,
  });
  const messages = query.data;
  const problem = pollErrorMessage(queryProblem(query));
  const loading = query.isPending && !problem;

  return (
    <section>
      <h1>Needs attention</h1>
      {problem && <Alert>Could not load the replies that need attention: {problem}</Alert>}
      {loading && <p className="muted">Loading…</p>}
      {messages && messages.length === 0 && <p className="muted">Every reply was delivered. Nothing needs you here.</p>}
      {messages && messages.length > 0 && (
        <ul className="attention-list" aria-label="Replies needing attention">
          {messages.map((message) => (
            <li key={message.id}>
              <AttentionItem message={message} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function AttentionItem({ message }: { message: AttentionMessage }) {
  const customer = message.contact.name?.trim() || message.contact.externalId;
  return (
    <Link to={`/inbox/${encodeURIComponent(message.conversationId)}`} className="attention-item">
      <span className="conversation-top">
        <strong>{customer}</strong>
        <span className="conversation-time">
          <RelativeTime iso={message.updatedAt} />
        </span>
      </span>
      <span className="conversation-preview">{message.text ?? <em>(no text)</em>}</span>
      <DeliveryStatus status={message.deliveryStatus} />
      {message.failureReason && <span className="muted"> ({message.failureReason})</span>}
    </Link>
  );
}
