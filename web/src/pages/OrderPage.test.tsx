import { act, fireEvent, screen, within } from '@testing-library/react';
import type { PaymentTransaction } from '../api';
import { ok, problem, stubApi } from '../test/fakeApi';
import { order, signIn, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const id = '3f2a9c1b-0000-4000-8000-000000000001';
const route = `GET /api/orders/${id}`;
const transactionsRoute = `GET /api/payments/transactions?orderId=${id}`;

const placed = { kind: 'PLACED', at: '2026-11-30T09:15:00Z', detail: '2 × LINEN-SHIRT from the assistant' };
const linkSent = { kind: 'LINK_SENT', at: '2026-11-30T09:15:03Z', detail: null };
const pendingOrder = order({
  provider: 'STRIPE',
  currency: 'EUR',
  items: [{ sku: 'LINEN-SHIRT', name: 'Linen shirt', qty: 2, unitPriceMinor: 4950 }],
  totalMinor: 9900,
  reference: 'cs_test_a1B2c3D4',
  checkoutUrl: 'https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4',
  timeline: [placed, linkSent],
});
const paidOrder = {
  ...pendingOrder,
  status: 'PAID',
  paidAt: '2026-11-30T09:16:00Z',
  timeline: [
    placed,
    linkSent,
    { kind: 'PAID', at: '2026-11-30T09:16:00Z', detail: 'Stripe evt_1 · €99.00' },
    { kind: 'INVOICE_ISSUED', at: '2026-11-30T09:16:02Z', detail: 'INV-2026-000042' },
  ],
};
const payment: PaymentTransaction = {
  id: 't-1',
  orderId: id,
  provider: 'STRIPE',
  kind: 'PAYMENT',
  providerEventId: 'evt_1',
  providerTransactionId: 'pi_3Nq',
  reference: 'cs_test_a1B2c3D4',
  amountMinor: 9900,
  currency: 'EUR',
  status: 'SUCCEEDED',
  recordedAt: '2026-11-30T09:16:00Z',
};

describe('OrderPage', () => {
  it('shows the order: items, total, provider, reference, checkout link, conversation and timeline', async () => {
    signInAs('OWNER');
    stubApi({ [route]: ok(pendingOrder), [transactionsRoute]: ok([]) });
    renderApp(`/orders/${id}`);

    expect(screen.getByText('Loading the order…')).toBeInTheDocument();
    expect(await screen.findByRole('heading', { name: /Order 3F2A9C1B/ })).toBeInTheDocument();
    const items = screen.getByRole('table', { name: 'Items' });
    expect(within(items).getByRole('row', { name: /LINEN-SHIRT/ })).toHaveTextContent('Linen shirt2€49.50€99.00');
    expect(within(items).getByRole('row', { name: /Total/ })).toHaveTextContent('€99.00');
    expect(document.querySelector('.order-total')).toHaveTextContent('€99.00');
    expect(document.querySelector('.order-reference')).toHaveTextContent('cs_test_a1B2c3D4');
    expect(screen.getByText('Stripe')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Open the checkout page' })).toHaveAttribute(
      'href',
      'https://checkout.stripe.com/c/pay/cs_test_a1B2c3D4',
    );
    expect(screen.getByRole('link', { name: 'Open the conversation' })).toHaveAttribute('href', '/inbox/conv-1');
    const timeline = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(timeline).toHaveLength(2);
    expect(timeline[0]).toHaveTextContent('Order placed');
    expect(timeline[0]).toHaveTextContent('2 × LINEN-SHIRT from the assistant');
    expect(timeline[0]?.querySelector('time')).toHaveAttribute('datetime', '2026-11-30T09:15:00Z');
    expect(timeline[1]).toHaveTextContent('Checkout link sent');
    expect(screen.queryByRole('table', { name: 'Payment transactions' })).not.toBeInTheDocument();
  });

  it('keeps reading a pending order every 3 s, shows it paid without a reload, then stops', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    signIn();
    const fake = stubApi({ [route]: ok(pendingOrder), [transactionsRoute]: ok([]) });
    renderApp(`/orders/${id}`);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getAllByText('Pending payment').length).toBeGreaterThan(0);

    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(fake.requestsTo(route)).toHaveLength(2);

    fake.answer(route, ok(paidOrder));
    fake.answer(transactionsRoute, ok([payment]));
    await act(() => vi.advanceTimersByTimeAsync(3000));

    expect(screen.queryByText('Pending payment')).not.toBeInTheDocument();
    expect(screen.getAllByText('Paid').length).toBeGreaterThan(0);
    const timeline = within(screen.getByRole('list', { name: 'Timeline' })).getAllByRole('listitem');
    expect(timeline.map((entry) => entry.querySelector('.timeline-kind')?.textContent)).toEqual([
      'Order placed',
      'Checkout link sent',
      'Paid',
      'Invoice issued',
    ]);
    expect(timeline[3]).toHaveTextContent('INV-2026-000042');
    const transactions = screen.getByRole('table', { name: 'Payment transactions' });
    expect(within(transactions).getByRole('row', { name: /pi_3Nq/ })).toHaveTextContent('Payment');
    expect(within(transactions).getByRole('row', { name: /pi_3Nq/ })).toHaveTextContent('€99.00');

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(fake.requestsTo(route)).toHaveLength(3);
  });

  it('never polls an order that is already settled', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    signIn();
    const fake = stubApi({ [route]: ok(paidOrder), [transactionsRoute]: ok([payment]) });
    renderApp(`/orders/${id}`);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getAllByText('Paid').length).toBeGreaterThan(0);

    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(fake.requestsTo(route)).toHaveLength(1);
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
  });

  it('cancels a pending order after confirmation', async () => {
    signInAs('ADMIN');
    const cancelled = { ...pendingOrder, status: 'CANCELLED', timeline: undefined };
    const fake = stubApi({
      [route]: [ok(pendingOrder), ok({ ...cancelled, timeline: [placed, linkSent, { kind: 'CANCELLED', at: '2026-11-30T09:20:00Z', detail: 'by ada@shop.example' }] })],
      [transactionsRoute]: ok([]),
      [`POST /api/orders/${id}/cancel`]: ok(cancelled),
    });
    renderApp(`/orders/${id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    const confirm = screen.getByRole('group', { name: 'Cancel this order?' });
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(fake.requestsTo(`POST /api/orders/${id}/cancel`)).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Cancel order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel order' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Order cancelled.');
    expect(screen.getAllByText('Cancelled').length).toBeGreaterThan(0);
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
    expect(await screen.findByText('by ada@shop.example')).toBeInTheDocument();
    expect(fake.requestsTo(`POST /api/orders/${id}/cancel`)).toHaveLength(1);
  });

  it('says why a cancel was refused when the order was paid meanwhile (409), and shows it paid', async () => {
    signInAs('OWNER');
    stubApi({
      [route]: [ok(pendingOrder), ok(paidOrder)],
      [transactionsRoute]: ok([]),
      [`POST /api/orders/${id}/cancel`]: problem(409, 'Order not cancellable', { detail: 'The order is PAID.' }),
    });
    renderApp(`/orders/${id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel order' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('no longer awaits payment');
    expect(await screen.findByText('Invoice issued')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
  });

  it('offers no cancel to an agent, and shows the server\'s 403 as such', async () => {
    signInAs('AGENT');
    stubApi({ [route]: ok(pendingOrder), [transactionsRoute]: ok([]) });
    renderApp(`/orders/${id}`);

    await screen.findByRole('list', { name: 'Timeline' });
    expect(screen.queryByRole('button', { name: 'Cancel order' })).not.toBeInTheDocument();
  });

  it('shows a 403 on cancel as a role problem', async () => {
    signIn(); // a token whose role cannot be read: the control shows, the server decides
    stubApi({
      [route]: ok(pendingOrder),
      [transactionsRoute]: ok([]),
      [`POST /api/orders/${id}/cancel`]: problem(403, 'Forbidden'),
    });
    renderApp(`/orders/${id}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Cancel order' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, cancel order' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only owners and admins can cancel orders.');
  });

  it('says so when the order does not exist or is another business\'s (404)', async () => {
    signIn();
    stubApi({ [route]: problem(404, 'Not Found'), [transactionsRoute]: ok([]) });
    renderApp(`/orders/${id}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('This order does not exist, or belongs to another business.');
  });

  it('stops asking for an order that does not exist, but keeps trying after a passing failure', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
    signIn();
    const fake = stubApi({ [route]: problem(404, 'Not Found'), [transactionsRoute]: ok([]) });
    const { unmount } = renderApp(`/orders/${id}`);
    await act(() => vi.advanceTimersByTimeAsync(0));
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(fake.requestsTo(route)).toHaveLength(1);
    unmount();

    const flaky = stubApi({ [route]: [problem(502, 'Bad Gateway'), ok(pendingOrder)], [transactionsRoute]: ok([]) });
    renderApp(`/orders/${id}`);
    await act(() => vi.advanceTimersByTimeAsync(0));
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load the order');
    await act(() => vi.advanceTimersByTimeAsync(3000));
    expect(flaky.requestsTo(route)).toHaveLength(2);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getAllByText('Pending payment').length).toBeGreaterThan(0);
  });

  it('shows a failed load', async () => {
    signIn();
    stubApi({ [route]: problem(500, 'Internal Server Error', { detail: 'Try again later.' }) });
    renderApp(`/orders/${id}`);

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load the order: Try again later.');
  });
});
