import type { AiUsage } from '../../api';
import { formatMicroUsd, longDay } from './usageFormat';

/** Drawing units; the SVG scales to the page's width keeping this aspect ratio (so its text is never stretched). */
const WIDTH = 720;
const HEIGHT = 200;
const LABEL_SPACE = 18;

/**
 * The month's AI cost: each day's cost as a bar, the running total as a line, and the monthly budget as a
 * dashed line, all on one scale, so where the running total meets the budget is where replies switch to the
 * budget's policy. Inline SVG read as one image with a summary; the figures are in the hidden table after it.
 */
export function UsageChart({ days, budgetMicroUsd }: { days: AiUsage['days']; budgetMicroUsd: number | null }) {
  let running = 0;
  const cumulative = days.map((day) => (running += day.costMicroUsd));
  const max = Math.max(1, running, budgetMicroUsd ?? 0);
  const base = HEIGHT - LABEL_SPACE;
  const top = 8;
  const y = (micro: number) => base - (Math.max(0, micro) / max) * (base - top);
  const slot = WIDTH / Math.max(days.length, 1);
  const labelEvery = days.length <= 14 ? 1 : 7;
  const line = cumulative.map((micro, index) => `${index * slot + slot / 2},${y(micro)}`).join(' ');

  return (
    <figure className="usage-chart">
      <svg role="img" aria-label={usageSummary(days, budgetMicroUsd)} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%">
        <line x1={0} y1={base} x2={WIDTH} y2={base} className="chart-axis" />
        {days.map((day, index) => {
          const height = base - y(day.costMicroUsd);
          return (
            <g key={day.day}>
              <rect
                x={index * slot + slot * 0.2}
                y={base - height}
                width={slot * 0.6}
                height={height}
                className="chart-bar-cost"
                data-testid={`cost-bar-${day.day}`}
              />
              {index % labelEvery === 0 && (
                <text x={index * slot + slot / 2} y={HEIGHT - 4} textAnchor="middle" className="chart-label">
                  {Number(day.day.slice(8))}
                </text>
              )}
            </g>
          );
        })}
        {days.length > 0 && <polyline points={line} className="chart-line-running" fill="none" data-testid="running-total" />}
        {budgetMicroUsd !== null && (
          <line
            x1={0}
            y1={y(budgetMicroUsd)}
            x2={WIDTH}
            y2={y(budgetMicroUsd)}
            className="chart-line-budget"
            data-testid="budget-line"
          />
        )}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-cost">Cost per day</span> <span className="legend-running">Month so far</span>
        {budgetMicroUsd !== null && <span className="legend-budget"> Budget {formatMicroUsd(budgetMicroUsd)}</span>}
      </figcaption>
      <table className="visually-hidden">
        <caption>AI usage per day</caption>
        <thead>
          <tr>
            <th scope="col">Day</th>
            <th scope="col">Cost</th>
            <th scope="col">Replies</th>
            <th scope="col">Tokens in</th>
            <th scope="col">Tokens out</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.day}>
              <th scope="row">{longDay(day.day)}</th>
              <td>{formatMicroUsd(day.costMicroUsd)}</td>
              <td>{day.replies}</td>
              <td>{day.inputTokens}</td>
              <td>{day.outputTokens}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** One sentence for screen readers: the range, the total and how it stands against the budget. */
export function usageSummary(days: AiUsage['days'], budgetMicroUsd: number | null): string {
  if (days.length === 0) {
    return 'AI cost per day: no days in this range.';
  }
  const total = days.reduce((sum, day) => sum + day.costMicroUsd, 0);
  const range = `${longDay(days[0]!.day)} to ${longDay(days[days.length - 1]!.day)}`;
  const budget = budgetMicroUsd === null ? 'no budget set' : `budget ${formatMicroUsd(budgetMicroUsd)}`;
  return `AI cost per day, ${range}: ${formatMicroUsd(total)} in total; ${budget}.`;
}
