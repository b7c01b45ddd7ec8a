import type { DeliveryStatus as Status } from '../api';

/**
 * What became of an outbound message. UNKNOWN means the service stopped between asking Instagram to
 * send and hearing back: it may or may not have gone out, so it is never re-sent automatically and
 * the merchant is told to look before sending it again.
 */
export function DeliveryStatus({ status }: { status: Status }) {
  switch (status) {
    case 'PENDING':
      return <span className="delivery delivery-pending">Sending…</span>;
    case 'SENT':
      return <span className="delivery delivery-sent">Sent</span>;
    case 'FAILED':
      return <span className="delivery delivery-failed">Not delivered</span>;
    case 'UNKNOWN':
      return (
        <span className="delivery delivery-unknown">
          <span aria-hidden="true">⚠ </span>
          Delivery unknown — check Instagram before resending
        </span>
      );
    default:
      // RECEIVED (inbound) needs no status line.
      return null;
  }
}
