import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { RevenueDay, RevenueSeries } from '../api';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const zone = encodeURIComponent(Intl.DateTimeFormat().resolvedOptions().timeZone);
const last7 = `GET /api/revenue?from=2026-11-24&to=2026-11-30&zone=${zone}`;
const last30 = `GET /api/revenue?from=2026-11-01&to=2026-11-30&zone=${zone}`;

function day(date: string, overrides: Partial<RevenueDay> = {}): RevenueDay {
  return { date, paidRevenueMinor: 0, paidOrders: 0, orders: 0, checkoutLinks: 0, assistantRevenueMinor: 0, ...overrides };
}

const week = [
  day('2026-11-24', { paidRevenueMinor: 5000000, paidOrders: 1, orders: 2, checkoutLinks: 2, assistantRevenueMinor: 5000000 }),
  day('2026-11-25'),
  day('2026-11-26', { paidRevenueMinor: 9900000, paidOrders: 2, orders: 3, checkoutLinks: 3, assistantRevenueMinor: 2500000 }),
  day('2026-11-27', { orders: 1, checkoutLinks: 1 }),
  day('2026-11-28'),
  day('2026-11-29', { paidRevenueMinor: 1250050, paidOrders: 1, orders: 1, checkoutLinks: 1 }),
  day('2026-11-30'),
];

const ngn: RevenueSeries = {
  currency: 'NGN',
  totals: { paidRevenueMinor: 16150050, paidOrders: 4, orders: 7, checkoutLinks: 7, conversion: 4 / 7, assistantRevenueMinor: 7500000 },
  days: week,
};

const usd: RevenueSeries = {
  currency: 'USD',
  totals: { paidRevenueMinor: 2599, paidOrders: 1, orders: 1, checkoutLinks: 1, conversion: 1, assistantRevenueMinor: 0 },
  days: week.map((one) => day(one.date, one.date === '2026-11-30' ? { paidRevenueMinor: 2599, paidOrders: 1, orders: 1, checkoutLinks: 1 } : {})),
};

describe('RevenuePage', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date(2026, 10, 30, 10, 0, 0));
    signIn();
  });

  it('shows the last 7 days by default: totals, conversion as a percentage, the assistant\'s revenue', async () => {
    const fake = stubApi({ [last7]: ok(ngn) });
    renderApp('/revenue');

    expect(screen.getByText('Loading revenue…')).toBeInTheDocument();
    const totals = await screen.findByLabelText('Totals');
    expect(totals).toHaveTextContent('Paid revenue₦161,500.50');
    expect(totals).toHaveTextContent('Paid orders4');
    expect(totals).toHaveTextContent('Orders7');
    expect(totals).toHaveTextContent('Checkout links7');
    expect(totals).toHaveTextContent('Conversion57.1%');
    expect(totals).toHaveTextContent('From the assistant₦75,000.00');
    expect(screen.getByRole('combobox', { name: 'Range' })).toHaveValue('7');
    expect(fake.requestsTo(last7)).toHaveLength(1);
  });

  it('draws paid revenue per day as an image with a summary, and a table of every day, zero days included', async () => {
    stubApi({ [last7]: ok(ngn) });
    renderApp('/revenue');

    const chart = await screen.findByRole('img');
    expect(chart).toHaveAccessibleName(
      'Paid revenue per day, 24 Nov 2026 to 30 Nov 2026: ₦161,500.50 in total, highest ₦99,000.00 on 26 Nov 2026; ₦75,000.00 from the assistant.',
    );
    expect(chart.querySelectorAll('rect.chart-bar-paid')).toHaveLength(7);
    expect(chart.querySelectorAll('rect.chart-bar-assistant')).toHaveLength(7);
    const heights = [...chart.querySelectorAll('rect.chart-bar-paid')].map((bar) => Number(bar.getAttribute('height')));
    expect(heights[1]).toBe(0);
    expect(Math.max(...heights)).toBe(heights[2]);

    const table = screen.getByRole('table', { name: 'Revenue per day' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(7);
    expect(rows[1]).toHaveTextContent('25 Nov 2026₦0.00₦0.00000');
    expect(rows[2]).toHaveTextContent('26 Nov 2026₦99,000.00₦25,000.00233');
  });

  it('says "—" for conversion when no checkout link was sent, and a chart with no revenue says so', async () => {
    const empty = { currency: 'NGN', totals: { ...ngn.totals, paidRevenueMinor: 0, paidOrders: 0, orders: 0, checkoutLinks: 0, conversion: null, assistantRevenueMinor: 0 }, days: week.map((one) => day(one.date)) };
    stubApi({ [last7]: ok(empty) });
    renderApp('/revenue');

    expect(await screen.findByLabelText('Totals')).toHaveTextContent('Conversion—');
    expect(screen.getByRole('img')).toHaveAccessibleName('Paid revenue per day, 24 Nov 2026 to 30 Nov 2026: no paid revenue.');
  });

  it('switches to the last 30 days and to a custom range, refusing an inverted one', async () => {
    const fake = stubApi({
      [last7]: ok(ngn),
      [last30]: ok(ngn),
      [`GET /api/revenue?from=2026-10-01&to=2026-10-31&zone=${zone}`]: ok(ngn),
    });
    renderApp('/revenue');
    await screen.findByLabelText('Totals');

    fireEvent.change(screen.getByRole('combobox', { name: 'Range' }), { target: { value: '30' } });
    await waitFor(() => expect(fake.requestsTo(last30)).toHaveLength(1));

    fireEvent.change(screen.getByRole('combobox', { name: 'Range' }), { target: { value: 'custom' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-31' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    expect(screen.getByRole('alert')).toHaveTextContent('The start date must not be after the end date.');

    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-10-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-10-31' } });
    fireEvent.click(screen.getByRole('button', { name: 'Show' }));
    await waitFor(() =>
      expect(fake.requestsTo(`GET /api/revenue?from=2026-10-01&to=2026-10-31&zone=${zone}`)).toHaveLength(1),
    );
    expect(await screen.findByText(/1 Oct 2026 to 31 Oct 2026/)).toBeInTheDocument();
  });

  it('offers a currency switcher when orders use several currencies', async () => {
    stubApi({ [last7]: ok({ ...ngn, byCurrency: [ngn, usd] }) });
    renderApp('/revenue');

    const currency = await screen.findByRole('combobox', { name: 'Currency' });
    expect(currency).toHaveValue('NGN');
    expect(screen.getByLabelText('Totals')).toHaveTextContent('Paid revenue₦161,500.50');

    fireEvent.change(currency, { target: { value: 'USD' } });

    expect(screen.getByLabelText('Totals')).toHaveTextContent('Paid revenue$25.99');
    expect(screen.getByLabelText('Totals')).toHaveTextContent('Conversion100%');
    expect(screen.getByRole('img')).toHaveAccessibleName(expect.stringContaining('highest $25.99 on 30 Nov 2026'));
  });

  it('has no currency switcher with one currency', async () => {
    stubApi({ [last7]: ok({ ...ngn, byCurrency: [ngn] }) });
    renderApp('/revenue');

    await screen.findByLabelText('Totals');
    expect(screen.queryByRole('combobox', { name: 'Currency' })).not.toBeInTheDocument();
  });

  it('shows a failed load, and a 403 as a role problem', async () => {
    stubApi({ [last7]: problem(500, 'Internal Server Error', { detail: 'Try again later.' }) });
    const { unmount } = renderApp('/revenue');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load revenue: Try again later.');
    unmount();

    stubApi({ [last7]: problem(403, 'Forbidden') });
    renderApp('/revenue');
    expect(await screen.findByRole('status')).toHaveTextContent('Your role in this business cannot see revenue.');
  });
});
