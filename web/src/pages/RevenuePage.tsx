import { useQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type RevenueQuery, type RevenueReport, type RevenueSeries } from '../api';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { Alert } from '../components/Alert';
import { formatPrice } from '../format/money';
import { pollErrorMessage } from './pollErrors';
import { RevenueChart } from './revenue/RevenueChart';
import { browserZone, formatConversion, lastDays, longDate, rangeError, type Preset } from './revenue/revenueRange';

/**
 * Revenue for a range of days (the last 7 by default): paid revenue, orders, checkout links, the
 * conversion from link to payment, and what the assistant's own orders brought in, with a chart per
 * day. Days are the merchant's calendar days (the browser's time zone).
 */
export function RevenuePage() {
  const [preset, setPreset] = useState<Preset>('7');
  const [range, setRange] = useState<RevenueQuery>(() => ({ ...lastDays(7), zone: browserZone() }));
  const [currency, setCurrency] = useState<string | null>(null);
  // Each range is its own entry: a new range shows nothing until its answer comes, never the previous range's figures.
  const query = useQuery({ queryKey: queryKeys.revenue(range), queryFn: ({ signal }) => api.revenue(range, { signal }) });
  const report = query.data;
  const loadError = queryProblem(query);

  const choosePreset = (next: Preset) => {
    setPreset(next);
    if (next !== 'custom') {
      setRange({ ...lastDays(Number(next)), zone: browserZone() });
    }
  };

  const series = report ? seriesIn(report, currency) : undefined;
  const currencies = report?.byCurrency && report.byCurrency.length > 1 ? report.byCurrency.map((one) => one.currency) : [];
  const forbidden = loadError instanceof ApiError && loadError.status === 403;
  const problem = forbidden ? null : pollErrorMessage(loadError);
  return (
    <section className="revenue">
      <h1>Revenue</h1>
      <div className="revenue-controls">
        <label htmlFor="revenue-range">Range</label>
        <select id="revenue-range" value={preset} onChange={(event) => choosePreset(event.target.value as Preset)}>
          <option value="7">Last 7 days</option>
          <option value="30">Last 30 days</option>
          <option value="custom">Custom</option>
        </select>
        {currencies.length > 0 && (
          <>
            <label htmlFor="revenue-currency">Currency</label>
            <select
              id="revenue-currency"
              value={series?.currency ?? ''}
              onChange={(event) => setCurrency(event.target.value)}
            >
              {currencies.map((code) => (
                <option key={code} value={code}>
                  {code}
                </option>
              ))}
            </select>
          </>
        )}
      </div>
      {preset === 'custom' && <CustomRange initial={range} onChoose={(from, to) => setRange({ from, to, zone: browserZone() })} />}
      <p className="muted">
        {longDate(range.from)} to {longDate(range.to)}
        {range.zone ? ` (${range.zone})` : ''}
      </p>
      {forbidden && <Alert tone="warning">Your role in this business cannot see revenue.</Alert>}
      {problem && <Alert>Could not load revenue: {problem}</Alert>}
      {!report && !loadError && <p className="muted">Loading revenue…</p>}
      {series && (
        <>
          <RevenueTotals series={series} />
          <RevenueChart days={series.days} currency={series.currency} />
        </>
      )}
    </section>
  );
}

/** The chosen currency's series; the top-level (most used) one by default or when the choice is gone. */
function seriesIn(report: RevenueReport, currency: string | null): RevenueSeries {
  return report.byCurrency?.find((one) => one.currency === currency) ?? report;
}

function RevenueTotals({ series }: { series: RevenueSeries }) {
  const { totals, currency } = series;
  return (
    <dl className="revenue-totals" aria-label="Totals">
      <div>
        <dt>Paid revenue</dt>
        <dd>{formatPrice(totals.paidRevenueMinor, currency)}</dd>
      </div>
      <div>
        <dt>Paid orders</dt>
        <dd>{totals.paidOrders}</dd>
      </div>
      <div>
        <dt>Orders</dt>
        <dd>{totals.orders}</dd>
      </div>
      <div>
        <dt>Checkout links</dt>
        <dd>{totals.checkoutLinks}</dd>
      </div>
      <div>
        <dt>Conversion</dt>
        <dd title="Paid orders per checkout link sent">{formatConversion(totals.conversion)}</dd>
      </div>
      <div>
        <dt>From the assistant</dt>
        <dd title="Paid orders the assistant placed (CHECKOUT actions)">{formatPrice(totals.assistantRevenueMinor, currency)}</dd>
      </div>
    </dl>
  );
}

function CustomRange({ initial, onChoose }: { initial: RevenueQuery; onChoose: (from: string, to: string) => void }) {
  const [from, setFrom] = useState(initial.from);
  const [to, setTo] = useState(initial.to);
  const [error, setError] = useState<string | null>(null);

  const choose = (event: FormEvent) => {
    event.preventDefault();
    const problem = rangeError(from, to);
    setError(problem);
    if (!problem) {
      onChoose(from, to);
    }
  };

  return (
    <form className="revenue-custom" aria-label="Custom range" onSubmit={choose} noValidate>
      <label htmlFor="revenue-from">From</label>
      <input id="revenue-from" type="date" value={from} onChange={(event) => setFrom(event.target.value)} />
      <label htmlFor="revenue-to">To</label>
      <input id="revenue-to" type="date" value={to} onChange={(event) => setTo(event.target.value)} />
      <button type="submit" className="button-secondary">
        Show
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
