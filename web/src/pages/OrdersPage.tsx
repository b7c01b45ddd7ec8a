import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, describeError, type Order, type OrderStatus } from '../api';
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
  const [orders, setOrders] = useState<Order[] | undefined>();
  const [hasMore, setHasMore] = useState(false);
  const [nextPage, setNextPage] = useState(1);
  const [loadError, setLoadError] = useState<unknown>();
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<string | null>(null);
  const names = useContactNames();

  useEffect(() => {
    const controller = new AbortController();
    setOrders(undefined);
    setLoadError(undefined);
    setMoreError(null);
    api
      .orders({ status: status || undefined }, { signal: controller.signal })
      .then(({ items, hasMore: more }) => {
        setOrders(items);
        setHasMore(more);
        setNextPage(1);
      })
      .catch((error: unknown) => {
        if (!controller.signal.aborted) {
          setLoadError(error);
        }
      });
    return () => controller.abort();
  }, [status]);

  const loadMore = async () => {
    setLoadingMore(true);
    setMoreError(null);
    try {
      const { items, hasMore: more } = await api.orders({ status: status || undefined, page: nextPage });
      // Orders placed meanwhile shift the pages: an order already shown is not shown twice.
      setOrders((current) => {
        const shown = new Set((current ?? []).map((order) => order.id));
        return [...(current ?? []), ...items.filter((order) => !shown.has(order.id))];
      });
      setHasMore(more);
      setNextPage((page) => page + 1);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        setMoreError(`Could not load more orders: ${describeError(error)}`);
      }
    } finally {
      setLoadingMore(false);
    }
  };

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
