import type { Order, OrderItem, OrderStatus } from '../../api';

/** The order states in the order the status filter offers them, with the words the team reads. */
export const orderStatuses: ReadonlyArray<{ status: OrderStatus; label: string }> = [
  { status: 'PENDING_PAYMENT', label: 'Pending payment' },
  { status: 'PAID', label: 'Paid' },
  { status: 'PAYMENT_FAILED', label: 'Payment failed' },
  { status: 'EXPIRED', label: 'Expired' },
  { status: 'CANCELLED', label: 'Cancelled' },
  { status: 'REFUNDED', label: 'Refunded' },
];

const statusTones: Record<string, string> = {
  PENDING_PAYMENT: 'badge-pending',
  PAID: 'badge-on',
  PAYMENT_FAILED: 'badge-failed',
  REFUNDED: 'badge-refunded',
};

export function statusLabel(status: string): string {
  return orderStatuses.find((candidate) => candidate.status === status)?.label ?? humanize(status);
}

export function OrderStatusBadge({ status }: { status: Order['status'] }) {
  return <span className={`badge ${statusTones[status] ?? ''}`.trim()}>{statusLabel(status)}</span>;
}

const providerNames: Record<string, string> = { PAYSTACK: 'Paystack', FLUTTERWAVE: 'Flutterwave', STRIPE: 'Stripe' };

export function providerLabel(provider: string | null | undefined): string {
  return provider ? (providerNames[provider] ?? humanize(provider)) : '—';
}

const timelineLabels: Record<string, string> = {
  PLACED: 'Order placed',
  LINK_CREATED: 'Checkout link created',
  LINK_FAILED: 'Checkout link failed',
  LINK_SENT: 'Checkout link sent',
  LINK_RESENT: 'Checkout link sent again',
  PAID: 'Paid',
  PAYMENT_FAILED: 'Payment failed',
  EXPIRED: 'Expired',
  CANCELLED: 'Cancelled',
  REFUNDED: 'Refunded',
  INVOICE_ISSUED: 'Invoice issued',
  DISCREPANCY: 'Payment discrepancy',
};

/** A timeline kind for reading; kinds added later still read sensibly ("SOMETHING_NEW" -> "Something new"). */
export function timelineLabel(kind: string): string {
  return timelineLabels[kind] ?? humanize(kind);
}

/** "2 × Linen shirt, 1 × Cap". */
export function itemsSummary(items: OrderItem[]): string {
  return items.map((item) => `${item.qty} × ${item.name || item.sku}`).join(', ');
}

/** The first 8 characters of the order id, upper case: enough to tell orders apart on screen. */
export function shortOrderId(id: string): string {
  return id.replaceAll('-', '').slice(0, 8).toUpperCase();
}

function humanize(constant: string): string {
  const words = constant.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}
