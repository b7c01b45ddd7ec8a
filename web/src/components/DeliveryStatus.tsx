import type { DeliveryStatus as Status } from '../api';

/**
 * What became of an outbound message, with WhatsApp-style ticks: one for sent, two for delivered, two
 * coloured for read (the ticks are decoration; the word says it). UNKNOWN means the service stopped between asking Instagram to
 * send and hearing back: it may or may not have gone out, so it is never re-sent automatically and
 * the merchant is told to look before sending it again. EXPIRED is a reply that came back from a
 * delay too late to send: the customer never got it.
 */
export function DeliveryStatus({ status }: { status: Status | null }) {
  switch (status) {
    case 'PENDING':
    case 'ATTEMPTING':
      return <span className="delivery delivery-pending">Sending…</span>;
    case 'SENT':
      return (
        <span className="delivery delivery-sent">
          <span className="ticks" aria-hidden="true">✓ </span>
          Sent
        </span>
      );
    case 'DELIVERED':
      return (
        <span className="delivery delivery-delivered">
          <span className="ticks" aria-hidden="true">✓✓ </span>
          Delivered
        </span>
      );
    case 'READ':
      return (
        <span className="delivery delivery-read">
          <span className="ticks" aria-hidden="true">✓✓ </span>
          Read
        </span>
      );
    case 'FAILED':
      return <span className="delivery delivery-failed">Not delivered</span>;
    case 'UNKNOWN':
      return (
        <span className="delivery delivery-unknown">
          <span aria-hidden="true">⚠ </span>
          Delivery unknown — check Instagram before resending
        </span>
      );
    case 'EXPIRED':
      return (
        <span className="delivery delivery-expired">
          Not sent — this reply was held up too long and is out of date. Answer the customer yourself if needed.
        </span>
      );
    default:
      // RECEIVED (inbound) and null (inbound, internal notes) need no status line.
      return null;
  }
}
