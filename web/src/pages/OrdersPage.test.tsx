import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok, page, problem, stubApi } from '../test/fakeApi';
import { conversation, order, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const pending = order();
const paidUsd = order({
  id: '7b00e4d2-0000-4000-8000-000000000002',
  status: 'PAID',
  items: [
    { sku: 'CAP-01', name: 'Cap', qty: 1, unitPriceMinor: 1099 },
    { sku: 'TOTE-1', name: 'Tote', qty: 3, unitPriceMinor: 500 },
  ],
  totalMinor: 2599,
  currency: 'USD',
  provider: 'STRIPE',
  conversationId: 'conv-2',
  paidAt: '2026-11-30T08:00:00Z',
  createdAt: '2026-11-30T07:55:00Z',
});
const expiredYen = order({ id: 'aa00e4d2-0000-4000-8000-000000000003', status: 'EXPIRED', totalMinor: 1500, currency: 'JPY',
  items: [{ sku: 'TEA', name: 'Tea', qty: 1, unitPriceMinor: 1500 }], conversationId: null });

describe('OrdersPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('says it is loading, then lists orders newest first: total in the currency\'s digits, items, provider, status, customer', async () => {
    stubApi({
      'GET /api/orders': page([pending, paidUsd, expiredYen], false),
      'GET /api/conversations': ok([conversation({ id: 'conv-1', contact: { id: 'contact-1', externalId: '1784', name: 'Maya' } })]),
    });
    renderApp('/orders');

    expect(screen.getByText('Loading orders…')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Orders' });
    const [, first, second, third] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('3F2A9C1B');
    expect(first).toHaveTextContent('2 × Linen shirt');
    expect(first).toHaveTextContent('₦50,000.00');
    expect(first).toHaveTextContent('Paystack');
    expect(first).toHaveTextContent('Pending payment');
    expect(within(first!).getByRole('link', { name: 'Order 3F2A9C1B' })).toHaveAttribute(
      'href',
      '/orders/3f2a9c1b-0000-4000-8000-000000000001',
    );
    expect(await within(first!).findByRole('link', { name: 'Maya' })).toHaveAttribute('href', '/inbox/conv-1');
    expect(second).toHaveTextContent('1 × Cap, 3 × Tote');
    expect(second).toHaveTextContent('$25.99');
    expect(second).toHaveTextContent('Stripe');
    expect(second).toHaveTextContent('Paid');
    expect(within(second!).getByRole('link', { name: 'Conversation' })).toHaveAttribute('href', '/inbox/conv-2');
    expect(third).toHaveTextContent('¥1,500');
    expect(third).toHaveTextContent('Expired');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
  });

  it('says so when there are no orders yet', async () => {
    stubApi({ 'GET /api/orders': page([], false) });
    renderApp('/orders');

    expect(await screen.findByText(/No orders yet/)).toBeInTheDocument();
  });

  it('filters by status with ?status=, and All goes back to every order', async () => {
    const fake = stubApi({
      'GET /api/orders': page([pending, paidUsd], false),
      'GET /api/orders?status=PAID': page([paidUsd], false),
      'GET /api/orders?status=REFUNDED': page([], false),
    });
    renderApp('/orders');
    await screen.findByRole('row', { name: /3F2A9C1B/ });
    const filter = screen.getByRole('combobox', { name: 'Status' });
    expect(within(filter).getAllByRole('option').map((option) => option.textContent)).toEqual([
      'All',
      'Pending payment',
      'Paid',
      'Payment failed',
      'Expired',
      'Cancelled',
      'Refunded',
    ]);

    fireEvent.change(filter, { target: { value: 'PAID' } });
    await waitFor(() => expect(screen.queryByRole('row', { name: /3F2A9C1B/ })).not.toBeInTheDocument());
    expect(screen.getByRole('row', { name: /7B00E4D2/ })).toBeInTheDocument();

    fireEvent.change(filter, { target: { value: 'REFUNDED' } });
    expect(await screen.findByText('No order has this status.')).toBeInTheDocument();

    fireEvent.change(filter, { target: { value: '' } });
    expect(await screen.findByRole('row', { name: /3F2A9C1B/ })).toBeInTheDocument();
    expect(fake.requests.filter((request) => request.path.startsWith('/api/orders')).map((request) => request.path)).toEqual([
      '/api/orders',
      '/api/orders?status=PAID',
      '/api/orders?status=REFUNDED',
      '/api/orders',
    ]);
  });

  it('loads more while the server says X-Has-More, keeping the filter and never showing an order twice', async () => {
    const fake = stubApi({
      'GET /api/orders?status=PENDING_PAYMENT': page([pending], true),
      'GET /api/orders?status=PENDING_PAYMENT&page=1': page([], false),
      'GET /api/orders': page([pending], true),
      'GET /api/orders?page=1': page([pending, paidUsd], true),
      'GET /api/orders?page=2': page([expiredYen], false),
    });
    renderApp('/orders');
    await screen.findByRole('row', { name: /3F2A9C1B/ });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('row', { name: /7B00E4D2/ })).toBeInTheDocument();
    expect(screen.getAllByRole('row', { name: /3F2A9C1B/ })).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByRole('row', { name: /AA00E4D2/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(fake.requestsTo('GET /api/orders?page=1')).toHaveLength(1);
    expect(fake.requestsTo('GET /api/orders?page=2')).toHaveLength(1);

    fireEvent.change(screen.getByRole('combobox', { name: 'Status' }), { target: { value: 'PENDING_PAYMENT' } });
    await waitFor(() => expect(screen.queryByRole('row', { name: /7B00E4D2/ })).not.toBeInTheDocument());
    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));
    await waitFor(() => expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument());
    expect(fake.requestsTo('GET /api/orders?status=PENDING_PAYMENT&page=1')).toHaveLength(1);
    expect(screen.getAllByRole('row', { name: /3F2A9C1B/ })).toHaveLength(1);
  });

  it('shows a failed load', async () => {
    stubApi({ 'GET /api/orders': problem(503, 'Service Unavailable', { detail: 'commerce-service is not answering.' }) });
    renderApp('/orders');

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load orders: commerce-service is not answering.');
  });

  it('says so when the role may not see orders (403)', async () => {
    stubApi({ 'GET /api/orders': problem(403, 'Forbidden') });
    renderApp('/orders');

    expect(await screen.findByRole('status')).toHaveTextContent('Your role in this business cannot see orders.');
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
  });

  it('says when more orders could not be loaded, keeping the ones shown', async () => {
    stubApi({
      'GET /api/orders': page([pending], true),
      'GET /api/orders?page=1': problem(503, 'Service Unavailable', { detail: 'commerce-service is not answering.' }),
    });
    renderApp('/orders');
    await screen.findByRole('row', { name: /3F2A9C1B/ });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load more orders: commerce-service is not answering.');
    expect(screen.getByRole('row', { name: /3F2A9C1B/ })).toBeInTheDocument();
    expect(screen.queryByText(/Could not load orders/)).not.toBeInTheDocument();
  });
});
