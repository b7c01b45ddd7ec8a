import { fireEvent, screen, within } from '@testing-library/react';
import type { AiUsage } from '../api';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

function month(from: string, days: number, cost: (day: number) => number): AiUsage['days'] {
  return Array.from({ length: days }, (_, i) => {
    const day = `${from.slice(0, 8)}${String(i + 1).padStart(2, '0')}`;
    const costMicroUsd = cost(i + 1);
    return { day, inputTokens: costMicroUsd * 4, outputTokens: costMicroUsd, costMicroUsd, replies: costMicroUsd > 0 ? 2 : 0, unpricedReplies: 0 };
  });
}

const december: AiUsage = {
  from: '2026-12-01',
  to: '2026-12-31',
  currency: 'USD',
  priceTableVersion: '2026-12',
  // 1.5 dollars on the 1st, 2.5 on the 2nd, nothing after: 4 dollars so far
  days: month('2026-12-01', 31, (day) => (day === 1 ? 1_500_000 : day === 2 ? 2_500_000 : 0)),
  byModel: [
    { provider: 'openai', model: 'gpt-4o-mini-2024-07-18', inputTokens: 12_000_000, outputTokens: 3_000_000, costMicroUsd: 3_600_000, replies: 3, unpricedReplies: 0 },
    { provider: 'groq', model: 'mixtral-8x7b', inputTokens: 4000, outputTokens: 1000, costMicroUsd: 0, replies: 1, unpricedReplies: 1 },
    { provider: 'offline', model: null, inputTokens: 0, outputTokens: 0, costMicroUsd: 0, replies: 2, unpricedReplies: 0 },
  ],
  totals: { inputTokens: 16_000_000, outputTokens: 4_000_000, costMicroUsd: 4_000_000, replies: 6, unpricedReplies: 1 },
  monthToDateCostMicroUsd: 4_000_000,
  budget: { monthlyUsd: 10, monthlyMicroUsd: 10_000_000, onBudget: 'CHEAPER_MODEL', budgetModel: 'gpt-4.1-nano', reached: false },
};

describe('AiUsagePage', () => {
  it('charts the month’s cost per day against the budget line, with totals and a table per provider and model', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/ai/usage': ok(december) });
    renderApp('/settings/ai/usage');

    const chart = await screen.findByRole('img', { name: /AI cost per day, 1 Dec 2026 to 31 Dec 2026: \$4\.00 in total; budget \$10\.00/ });
    // Bars share one scale: their heights are in proportion to the days' costs
    const first = Number(screen.getByTestId('cost-bar-2026-12-01').getAttribute('height'));
    const second = Number(screen.getByTestId('cost-bar-2026-12-02').getAttribute('height'));
    expect(second / first).toBeCloseTo(2.5 / 1.5, 5);
    expect(Number(screen.getByTestId('cost-bar-2026-12-03').getAttribute('height'))).toBe(0);
    // The budget line sits above where the running total ends (4 of 10 dollars)
    const budgetY = Number(screen.getByTestId('budget-line').getAttribute('y1'));
    const runningEndY = Number(screen.getByTestId('running-total').getAttribute('points')!.trim().split(' ').pop()!.split(',')[1]);
    expect(budgetY).toBeLessThan(runningEndY);
    expect(chart).toBeInTheDocument();

    expect(screen.getByText(/This month so far: \$4\.00 of your \$10\.00 budget\. Once it is reached, replies are written by your cheaper model\./)).toBeInTheDocument();
    const totals = screen.getByLabelText('Totals');
    expect(within(totals).getByText('16,000,000')).toBeInTheDocument();
    expect(within(totals).getByText('$4.00')).toBeInTheDocument();
    expect(screen.getByText(/1 reply was written by a model without a price/)).toBeInTheDocument();

    const table = screen.getByRole('table', { name: 'Usage by provider and model' });
    const rows = within(table).getAllByRole('row');
    expect(within(rows[1]!).getByRole('rowheader')).toHaveTextContent('openai');
    expect(rows[1]).toHaveTextContent('gpt-4o-mini-2024-07-18');
    expect(rows[1]).toHaveTextContent('$3.60');
    expect(rows[2]).toHaveTextContent('unknown');
    expect(rows[3]).toHaveTextContent('offline');
    expect(rows[3]).toHaveTextContent('$0.00');
  });

  it('says when the budget is reached and what happens, and pages to the previous month', async () => {
    signInAs('ADMIN');
    const november: AiUsage = {
      ...december,
      from: '2026-11-01',
      to: '2026-11-30',
      days: month('2026-11-01', 30, () => 0),
      byModel: [],
      totals: { inputTokens: 0, outputTokens: 0, costMicroUsd: 0, replies: 0, unpricedReplies: 0 },
    };
    const fake = stubApi({
      'GET /api/ai/usage': ok({
        ...december,
        monthToDateCostMicroUsd: 10_000_036,
        budget: { monthlyUsd: 10, monthlyMicroUsd: 10_000_000, onBudget: 'HANDOFF', budgetModel: null, reached: true },
      }),
      'GET /api/ai/usage?from=2026-11-01&to=2026-11-30': ok(november),
    });
    renderApp('/settings/ai/usage');

    expect(
      await screen.findByText(/This month’s budget of \$10\.00 is reached \(\$10\.00 so far\): customers’ messages go to your team/),
    ).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Previous month' }));
    expect(await screen.findByText('No replies in this range.')).toBeInTheDocument();
    expect(screen.getByText('1 Nov 2026 to 30 Nov 2026')).toBeInTheDocument();
    expect(fake.requestsTo('GET /api/ai/usage?from=2026-11-01&to=2026-11-30')).toHaveLength(1);
  });

  it('shows the cost of a cheap month to the millionth of a dollar and says when no budget is set', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/ai/usage': ok({
        ...december,
        days: month('2026-12-01', 31, (day) => (day === 1 ? 36 : 0)),
        totals: { ...december.totals, costMicroUsd: 36, unpricedReplies: 0 },
        monthToDateCostMicroUsd: 36,
        budget: null,
      }),
    });
    renderApp('/settings/ai/usage');

    expect(await screen.findByText(/This month so far: \$0\.000036\. No monthly budget is set\./)).toBeInTheDocument();
    expect(screen.queryByTestId('budget-line')).not.toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Change the budget' })).toHaveAttribute('href', '/settings/ai#budget');
  });

  it('reports a failure to load, and an agent is told the page is for owners and admins without a call', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/ai/usage': problem(500, 'Server error') });
    const owner = renderApp('/settings/ai/usage');
    expect(await screen.findByText(/Could not load the AI usage/)).toBeInTheDocument();
    owner.unmount();

    signInAs('AGENT');
    const fake = stubApi({});
    renderApp('/settings/ai/usage');
    expect(await screen.findByText('Only owners and admins can see what the assistant costs.')).toBeInTheDocument();
    expect(fake.requestsTo('GET /api/ai/usage')).toHaveLength(0);
  });
});
