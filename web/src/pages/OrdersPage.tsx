import { useInfiniteQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, describeError, type Order, type OrderStatus } from '../api';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { Alert } from '../components/Alert';
import { formatPrice } from '../format/money';
import { formatDateTime } from '../format/time';
import { itemsSummary, OrderStatusBadge, orderStatuses, providerLabel, shortOrderId } from './orders/orderLabels';
import { useContactNames } from './orders/useContactNames';
import { pollErrorMessage } from './pollErrors';

type StatusFilter = OrderStatus | '';

/**
 * The business's orders, newest first, filtered by status, a page at a time ("Load more"). Each order
 * links to its detail; its customer links to the conversation it was born in.
 */
export function OrdersPage() {
  const [status, setStatus] = useState<StatusFilter>('');
  const names = useContactNames();
  // Page 0 is asked without `page=`; "Load more" asks the next number while the server says X-Has-More.
  const query = useInfiniteQuery({
    queryKey: queryKeys.orders.list(status),
    queryFn: ({ signal, pageParam }) => api.orders({ status: status || undefined, page: pageParam }, { signal }),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.length : undefined),
  });
  const orders = query.data ? distinctById(query.data.pages.flatMap((page) => page.items)) : undefined;
  const hasMore = query.hasNextPage;
  const loadingMore = query.isFetchingNextPage;
  // A failure while loading more is about the next page: the orders shown stay, and the message says so.
  const failure = queryProblem(query);
  const moreFailed = query.isFetchingNextPage || query.isFetchNextPageError;
  const loadError = moreFailed ? undefined : failure;
  const moreError =
    moreFailed && failure && !(failure instanceof ApiError && failure.status === 401)
      ? `Could not load more orders: ${describeError(failure)}`
      : null;
  const loadMore = () => void query.fetchNextPage();

  const forbidden = loadError instanceof ApiError && loadError.status === 403;
  const problem = forbidden ? null : pollErrorMessage(loadError);
  return (
    <section className="orders">
      <header className="page-header">
        <h1>Orders</h1>
      </header>
      <div className="catalog-search orders-filter">
        <label htmlFor="orders-status">Status</label>
        <select id="orders-status" value={status} onChange={(event) => setStatus(event.target.value as StatusFilter)}>
          <option value="">All</option>
          {orderStatuses.map((option) => (
            <option key={option.status} value={option.status}>
              {option.label}
            </option>
          ))}
        </select>
      </div>
      {forbidden && <Alert tone="warning">Your role in this business cannot see orders.</Alert>}
      {problem && <Alert>Could not load orders: {problem}</Alert>}
      {orders === undefined && !loadError && <p className="muted">Loading orders…</p>}
      {orders && orders.length === 0 && (
        <p className="muted">
          {status
            ? 'No order has this status.'
            : 'No orders yet. They appear here when a customer asks the assistant to buy something.'}
        </p>
      )}
      {orders && orders.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Orders</caption>
          <thead>
            <tr>
              <th scope="col">Order</th>
              <th scope="col">Created</th>
              <th scope="col">Customer</th>
              <th scope="col">Items</th>
              <th scope="col" className="numeric">
                Total
              </th>
              <th scope="col">Provider</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {orders.map((order) => (
              <tr key={order.id}>
                <td>
                  <Link to={`/orders/${encodeURIComponent(order.id)}`} aria-label={`Order ${shortOrderId(order.id)}`}>
                    <code>{shortOrderId(order.id)}</code>
                  </Link>
                </td>
                <td>
                  <time dateTime={order.createdAt}>{formatDateTime(order.createdAt)}</time>
                </td>
                <td>
                  {order.conversationId ? (
                    <Link to={`/inbox/${encodeURIComponent(order.conversationId)}`}>
                      {names[order.conversationId] ?? 'Conversation'}
                    </Link>
                  ) : (
                    <span className="muted">—</span>
                  )}
                </td>
                <td>{itemsSummary(order.items)}</td>
                <td className="numeric">{formatPrice(order.totalMinor, order.currency)}</td>
                <td>{providerLabel(order.provider)}</td>
                <td>
                  <OrderStatusBadge status={order.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {moreError && <Alert>{moreError}</Alert>}
      {orders && hasMore && (
        <button type="button" className="button-secondary" disabled={loadingMore} onClick={loadMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

/** Orders placed meanwhile shift the pages: an order already shown is not shown twice. */
function distinctById(orders: Order[]): Order[] {
  const seen = new Set<string>();
  return orders.filter((order) => !seen.has(order.id) && Boolean(seen.add(order.id)));
}
