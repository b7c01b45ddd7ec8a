import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, type AiUsage } from '../api';
import { Alert } from '../components/Alert';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useRole } from '../session/role';
import { UsageChart } from './aiusage/UsageChart';
import { formatMicroUsd, formatTokens, longDay } from './aiusage/usageFormat';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

/** The month as its first and last day; `null` is the current month of the business's time zone (the server's choice). */
type Month = { from: string; to: string } | null;

function shiftMonth(from: string, by: number): { from: string; to: string } {
  const [year, month] = from.split('-').map(Number);
  const first = new Date(Date.UTC(year!, month! - 1 + by, 1));
  const last = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

const policyText: Record<string, string> = {
  CHEAPER_MODEL: 'replies are written by your cheaper model',
  HANDOFF: 'customers’ messages go to your team instead of the assistant',
};

/**
 * Settings → AI → Usage (owners and admins): what the assistant's replies cost this month, day by day in the
 * business's time zone, against the monthly budget; totals and a table per provider and model.
 */
export function AiUsagePage() {
  const role = useRole();
  const allowed = role !== 'AGENT';
  const [month, setMonth] = useState<Month>(null);
  const query = useQuery({
    queryKey: queryKeys.aiUsage(month?.from ?? 'current', month?.to ?? 'current'),
    queryFn: ({ signal }) => api.aiUsage(month ?? {}, { signal }),
    enabled: allowed,
  });
  const usage = query.data;
  const problem = pollErrorMessage(queryProblem(query));

  return (
    <section className="ai-usage">
      <p className="eyebrow">Settings</p>
      <h1>AI usage and cost</h1>
      <SettingsTabs />
      <nav className="sub-tabs" aria-label="AI">
        <Link to="/settings/ai">AI settings</Link> · <span aria-current="page">Usage and cost</span>
      </nav>
      {!allowed ? (
        <Alert tone="warning">Only owners and admins can see what the assistant costs.</Alert>
      ) : (
        <>
          {problem && <Alert>Could not load the AI usage: {problem}</Alert>}
          {usage === undefined && !problem && <p className="muted">Loading AI usage…</p>}
          {usage && <UsageReport usage={usage} onMonth={(by) => setMonth(shiftMonth(usage.from, by))} />}
        </>
      )}
    </section>
  );
}

function UsageReport({ usage, onMonth }: { usage: AiUsage; onMonth: (by: number) => void }) {
  const budget = usage.budget;
  return (
    <>
      <div className="button-row">
        <button type="button" className="button-secondary" onClick={() => onMonth(-1)}>
          Previous month
        </button>
        <p className="lead" aria-live="polite">
          {longDay(usage.from)} to {longDay(usage.to)}
        </p>
        <button type="button" className="button-secondary" onClick={() => onMonth(1)}>
          Next month
        </button>
      </div>
      {budget ? (
        budget.reached ? (
          <Alert tone="warning">
            This month’s budget of {formatMicroUsd(budget.monthlyMicroUsd)} is reached
            ({formatMicroUsd(usage.monthToDateCostMicroUsd)} so far): {policyText[budget.onBudget]}
            {budget.onBudget === 'CHEAPER_MODEL' && budget.budgetModel ? ` (${budget.budgetModel})` : ''} until the month ends.
          </Alert>
        ) : (
          <p>
            This month so far: {formatMicroUsd(usage.monthToDateCostMicroUsd)} of your {formatMicroUsd(budget.monthlyMicroUsd)}{' '}
            budget. Once it is reached, {policyText[budget.onBudget]}.
          </p>
        )
      ) : (
        <p className="muted">
          This month so far: {formatMicroUsd(usage.monthToDateCostMicroUsd)}. No monthly budget is set.
        </p>
      )}
      <p>
        <Link to="/settings/ai#budget">Change the budget</Link>
      </p>
      <UsageChart days={usage.days} budgetMicroUsd={budget ? budget.monthlyMicroUsd : null} />
      <h2>Totals</h2>
      <dl className="usage-totals" aria-label="Totals">
        <dt>Cost</dt>
        <dd>{formatMicroUsd(usage.totals.costMicroUsd)}</dd>
        <dt>Replies</dt>
        <dd>{usage.totals.replies}</dd>
        <dt>Tokens in</dt>
        <dd>{formatTokens(usage.totals.inputTokens)}</dd>
        <dt>Tokens out</dt>
        <dd>{formatTokens(usage.totals.outputTokens)}</dd>
      </dl>
      {usage.totals.unpricedReplies > 0 && (
        <Alert tone="warning">
          {usage.totals.unpricedReplies} {usage.totals.unpricedReplies === 1 ? 'reply was' : 'replies were'} written by a
          model without a price in this deployment’s price table: {usage.totals.unpricedReplies === 1 ? 'its' : 'their'} cost
          is unknown and not in these figures.
        </Alert>
      )}
      <h2>By provider and model</h2>
      {usage.byModel.length === 0 ? (
        <p className="muted">No replies in this range.</p>
      ) : (
        <table className="usage-by-model" aria-label="Usage by provider and model">
          <thead>
            <tr>
              <th scope="col">Provider</th>
              <th scope="col">Model</th>
              <th scope="col">Replies</th>
              <th scope="col">Tokens in</th>
              <th scope="col">Tokens out</th>
              <th scope="col">Cost</th>
            </tr>
          </thead>
          <tbody>
            {usage.byModel.map((row) => (
              <tr key={`${row.provider}/${row.model ?? ''}`}>
                <th scope="row">{row.provider}</th>
                <td>{row.model ?? '—'}</td>
                <td>{row.replies}</td>
                <td>{formatTokens(row.inputTokens)}</td>
                <td>{formatTokens(row.outputTokens)}</td>
                <td>
                  {row.unpricedReplies === row.replies && row.replies > 0 ? 'unknown' : formatMicroUsd(row.costMicroUsd)}
                  {row.unpricedReplies > 0 && row.unpricedReplies < row.replies ? ` (+${row.unpricedReplies} unpriced)` : ''}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p className="muted">
        Costs in US dollars from price table {usage.priceTableVersion}; days in your business’s time zone.
      </p>
    </>
  );
}
