import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { ApiError, api, describeError, type Order } from '../api';
import { Alert } from '../components/Alert';
import { formatPrice } from '../format/money';
import { formatDateTime } from '../format/time';
import { queryProblem } from '../query/problems';
import { POLL_INTERVAL_MS } from '../query/queryClient';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { OrderStatusBadge, providerLabel, shortOrderId, timelineLabel } from './orders/orderLabels';
import { useContactNames } from './orders/useContactNames';
import { pollErrorMessage } from './pollErrors';

/** One order; another order id starts a fresh view (and fresh polling). */
export function OrderPage() {
  const { orderId = '' } = useParams();
  return <OrderView key={orderId} orderId={orderId} />;
}

/** A 404 or 403 is the answer, and a 401 ended the session: asking again would change nothing. */
function isFinal(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.status === 403 || error.status === 401);
}

/**
 * The order, read again every {@link POLL_INTERVAL_MS} (never while the tab is hidden) while it awaits
 * payment, so a payment (or a failure, an expiry) shows without a reload; polling stops once the order
 * has left PENDING_PAYMENT, or when it does not exist (404) or may not be seen (403). A failed read keeps
 * the last order shown; the next tick (or a retry) tries again.
 */
function useOrder(orderId: string) {
  const query = useQuery({
    queryKey: queryKeys.orders.detail(orderId),
    queryFn: ({ signal }) => api.order(orderId, { signal }),
    refetchInterval: ({ state }) => {
      if (state.data) {
        return state.data.status === 'PENDING_PAYMENT' ? POLL_INTERVAL_MS : false;
      }
      return isFinal(state.error) ? false : POLL_INTERVAL_MS;
    },
  });
  return { order: query.data, error: queryProblem(query) };
}

function OrderView({ orderId }: { orderId: string }) {
  const { order, error } = useOrder(orderId);
  const names = useContactNames();
  const notFound = error instanceof ApiError && error.status === 404;
  const forbidden = error instanceof ApiError && error.status === 403;
  const problem = notFound || forbidden ? null : pollErrorMessage(error);

  return (
    <section className="order">
      <p>
        <Link to="/orders">← Orders</Link>
      </p>
      <header className="page-header">
        <h1>Order {shortOrderId(orderId)}</h1>
        {order && <OrderStatusBadge status={order.status} />}
      </header>
      {notFound && <Alert>This order does not exist, or belongs to another business.</Alert>}
      {forbidden && <Alert tone="warning">Your role in this business cannot see orders.</Alert>}
      {problem && <Alert>Could not load the order: {problem}</Alert>}
      {!order && !error && <p className="muted">Loading the order…</p>}
      {order && (
        <>
          <OrderSummary order={order} contact={order.conversationId ? names[order.conversationId] : undefined} />
          <CancelOrder order={order} />
          <Items order={order} />
          <Timeline order={order} />
          <Transactions orderId={order.id} status={order.status} />
        </>
      )}
    </section>
  );
}

function OrderSummary({ order, contact }: { order: Order; contact: string | undefined }) {
  return (
    <dl className="settings-list order-summary">
      <dt>Total</dt>
      <dd className="order-total">{formatPrice(order.totalMinor, order.currency)}</dd>
      <dt>Placed</dt>
      <dd>
        <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
      </dd>
      {order.paidAt && (
        <>
          <dt>Paid</dt>
          <dd>
            <time dateTime={order.paidAt}>{formatDateTime(order.paidAt)}</time>
          </dd>
        </>
      )}
      <dt>Provider</dt>
      <dd>{providerLabel(order.provider)}</dd>
      <dt>Reference</dt>
      <dd className="order-reference">{order.reference ? <code>{order.reference}</code> : <span className="muted">Not yet</span>}</dd>
      <dt>Checkout link</dt>
      <dd>
        {order.checkoutUrl ? (
          <a href={order.checkoutUrl} target="_blank" rel="noopener noreferrer">
            Open the checkout page
          </a>
        ) : (
          <span className="muted">{order.checkoutError ? `Not created: ${order.checkoutError}` : 'Not yet'}</span>
        )}
      </dd>
      <dt>Customer</dt>
      <dd>
        {order.conversationId ? (
          <Link to={`/inbox/${encodeURIComponent(order.conversationId)}`}>
            {contact ? `Conversation with ${contact}` : 'Open the conversation'}
          </Link>
        ) : (
          <span className="muted">—</span>
        )}
      </dd>
    </dl>
  );
}

/** Owners and admins cancel an order that still awaits payment, after confirming; the server decides (403, 409). */
function CancelOrder({ order }: { order: Order }) {
  const canManage = canManageCommerce(useRole());
  const queryClient = useQueryClient();
  const [confirming, setConfirming] = useState(false);
  const key = queryKeys.orders.detail(order.id);
  // The order as the answer has it shows at once (keeping the timeline until the read that follows brings the new one).
  const cancel = useMutation({
    mutationFn: () => api.cancelOrder(order.id),
    onSuccess: (changed) => {
      queryClient.setQueryData<Order>(key, (previous) => ({ ...changed, timeline: changed.timeline ?? previous?.timeline }));
    },
    onSettled: () => {
      setConfirming(false);
      // A 409 means it was paid (or expired) meanwhile: its real state shows at once too.
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: key }),
        queryClient.invalidateQueries({ queryKey: queryKeys.orders.transactions(order.id) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.orders.lists() }),
      ]);
    },
  });
  const busy = cancel.isPending;
  const done = cancel.isSuccess;
  const error = cancelError(cancel.error);

  return (
    <>
      {done && <Alert tone="success">Order cancelled. Its checkout link no longer takes payment here.</Alert>}
      {error && <Alert>{error}</Alert>}
      {canManage && order.status === 'PENDING_PAYMENT' && (
        <div className="order-actions">
          {confirming ? (
            <span role="group" aria-label="Cancel this order?" className="confirm">
              <span>Cancel this order? The customer can no longer pay it.</span>
              <button type="button" className="button-danger" disabled={busy} onClick={() => cancel.mutate()}>
                Yes, cancel order
              </button>
              <button type="button" className="button-link" disabled={busy} onClick={() => setConfirming(false)}>
                Keep it
              </button>
            </span>
          ) : (
            <button type="button" className="button-secondary" onClick={() => setConfirming(true)}>
              Cancel order
            </button>
          )}
        </div>
      )}
    </>
  );
}

/** The words for a refused cancellation; null when there is none to show (a 401 is the guard's business). */
function cancelError(failure: unknown): string | null {
  if (!failure || (failure instanceof ApiError && failure.status === 401)) {
    return null;
  }
  if (failure instanceof ApiError && failure.status === 403) {
    return 'Only owners and admins can cancel orders.';
  }
  if (failure instanceof ApiError && failure.status === 409) {
    return `This order no longer awaits payment, so it cannot be cancelled. ${failure.detail ?? ''}`.trim();
  }
  return `Could not cancel the order: ${describeError(failure)}`;
}

function Items({ order }: { order: Order }) {
  return (
    <table className="data-table">
      <caption>Items</caption>
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Name</th>
          <th scope="col" className="numeric">
            Quantity
          </th>
          <th scope="col" className="numeric">
            Unit price
          </th>
          <th scope="col" className="numeric">
            Amount
          </th>
        </tr>
      </thead>
      <tbody>
        {order.items.map((item) => (
          <tr key={item.sku}>
            <td>
              <code>{item.sku}</code>
            </td>
            <td>{item.name}</td>
            <td className="numeric">{item.qty}</td>
            <td className="numeric">{formatPrice(item.unitPriceMinor, order.currency)}</td>
            <td className="numeric">{formatPrice(item.unitPriceMinor * item.qty, order.currency)}</td>
          </tr>
        ))}
      </tbody>
      <tfoot>
        <tr>
          <th scope="row" colSpan={4}>
            Total
          </th>
          <td className="numeric">{formatPrice(order.totalMinor, order.currency)}</td>
        </tr>
      </tfoot>
    </table>
  );
}

function Timeline({ order }: { order: Order }) {
  const entries = order.timeline ?? [];
  return (
    <>
      <h2>Timeline</h2>
      {entries.length === 0 ? (
        <p className="muted">Nothing recorded yet.</p>
      ) : (
        <ol className="timeline" aria-label="Timeline">
          {entries.map((entry, index) => (
            <li key={`${entry.kind}-${entry.at}-${index}`} className={`timeline-entry timeline-${entry.kind.toLowerCase()}`}>
              <span className="timeline-kind">{timelineLabel(entry.kind)}</span>
              <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              {entry.detail && <span className="cell-note">{entry.detail}</span>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

const transactionKinds: Record<string, string> = { PAYMENT: 'Payment', FAILURE: 'Failure', REFUND: 'Refund' };

/** The ledger's entries for this order, read again when the order's status changes (a payment arrived). */
function Transactions({ orderId, status }: { orderId: string; status: string }) {
  const queryClient = useQueryClient();
  const key = queryKeys.orders.transactions(orderId);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.orderTransactions(orderId, { signal }),
    // The ledger is extra detail: the order's own status and timeline already tell what happened.
    retry: false,
  });
  const previousStatus = useRef(status);
  useEffect(() => {
    if (previousStatus.current !== status) {
      previousStatus.current = status;
      void queryClient.invalidateQueries({ queryKey: key });
    }
  }, [queryClient, key, status]);
  const transactions = query.data ?? [];

  if (transactions.length === 0) {
    return null;
  }
  return (
    <table className="data-table">
      <caption>Payment transactions</caption>
      <thead>
        <tr>
          <th scope="col">Recorded</th>
          <th scope="col">Kind</th>
          <th scope="col">Provider</th>
          <th scope="col">Transaction</th>
          <th scope="col" className="numeric">
            Amount
          </th>
          <th scope="col">Status</th>
        </tr>
      </thead>
      <tbody>
        {transactions.map((transaction) => (
          <tr key={transaction.id}>
            <td>
              <time dateTime={transaction.recordedAt}>{formatDateTime(transaction.recordedAt)}</time>
            </td>
            <td>{transactionKinds[transaction.kind] ?? transaction.kind}</td>
            <td>{providerLabel(transaction.provider)}</td>
            <td>
              <code>{transaction.providerTransactionId ?? transaction.providerEventId ?? '—'}</code>
            </td>
            <td className="numeric">
              {transaction.amountMinor !== null && transaction.currency
                ? formatPrice(transaction.amountMinor, transaction.currency)
                : '—'}
            </td>
            <td>{transaction.status ?? '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
