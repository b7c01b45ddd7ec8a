import type { RevenueDay } from '../../api';
import { formatPrice } from '../../format/money';
import { longDate, shortDate } from './revenueRange';

/** Drawing units; the SVG scales to the page's width keeping this aspect ratio (so its text is never stretched). */
const WIDTH = 720;
const HEIGHT = 180;
const LABEL_SPACE = 18;

/**
 * Paid revenue per day as bars, the assistant's share as a second, narrower bar beside it. Inline SVG,
 * read by assistive technology as one image with a summary; the figures themselves are in the
 * visually hidden table that follows.
 */
export function RevenueChart({ days, currency }: { days: RevenueDay[]; currency: string }) {
  const max = Math.max(0, ...days.map((day) => Math.max(day.paidRevenueMinor, day.assistantRevenueMinor)));
  const barHeight = (minor: number) => (max > 0 ? (Math.max(0, minor) / max) * (HEIGHT - LABEL_SPACE - 4) : 0);
  const base = HEIGHT - LABEL_SPACE;
  const slot = WIDTH / Math.max(days.length, 1);
  const paidWidth = slot * 0.55;
  const assistantWidth = slot * 0.25;
  const labelEvery = days.length <= 14 ? 1 : 7;

  return (
    <figure className="revenue-chart">
      <svg
        role="img"
        aria-label={chartSummary(days, currency)}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
      >
        <line x1={0} y1={base} x2={WIDTH} y2={base} className="chart-axis" />
        {days.map((day, index) => {
          const x = index * slot;
          const gap = (slot - paidWidth - assistantWidth) / 2;
          const paid = barHeight(day.paidRevenueMinor);
          const assistant = barHeight(day.assistantRevenueMinor);
          return (
            <g key={day.date}>
              <rect x={x + gap} y={base - paid} width={paidWidth} height={paid} className="chart-bar-paid" />
              <rect
                x={x + gap + paidWidth}
                y={base - assistant}
                width={assistantWidth}
                height={assistant}
                className="chart-bar-assistant"
              />
              {index % labelEvery === 0 && (
                <text x={x + slot / 2} y={HEIGHT - 4} textAnchor="middle" className="chart-label">
                  {shortDate(day.date).split(' ')[0]}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="chart-legend">
        <span className="legend-paid">Paid revenue</span> <span className="legend-assistant">From the assistant</span>
      </figcaption>
      <table className="visually-hidden">
        <caption>Revenue per day</caption>
        <thead>
          <tr>
            <th scope="col">Date</th>
            <th scope="col">Paid revenue</th>
            <th scope="col">From the assistant</th>
            <th scope="col">Paid orders</th>
            <th scope="col">Orders</th>
            <th scope="col">Checkout links</th>
          </tr>
        </thead>
        <tbody>
          {days.map((day) => (
            <tr key={day.date}>
              <th scope="row">{longDate(day.date)}</th>
              <td>{formatPrice(day.paidRevenueMinor, currency)}</td>
              <td>{formatPrice(day.assistantRevenueMinor, currency)}</td>
              <td>{day.paidOrders}</td>
              <td>{day.orders}</td>
              <td>{day.checkoutLinks}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}

/** One sentence for screen readers: the range, the totals, the best day. */
export function chartSummary(days: RevenueDay[], currency: string): string {
  if (days.length === 0) {
    return 'Paid revenue per day: no days in this range.';
  }
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const paid = days.reduce((sum, day) => sum + day.paidRevenueMinor, 0);
  const assistant = days.reduce((sum, day) => sum + day.assistantRevenueMinor, 0);
  const best = days.reduce((top, day) => (day.paidRevenueMinor > top.paidRevenueMinor ? day : top), first);
  const range = `${longDate(first.date)} to ${longDate(last.date)}`;
  if (paid === 0) {
    return `Paid revenue per day, ${range}: no paid revenue.`;
  }
  return (
    `Paid revenue per day, ${range}: ${formatPrice(paid, currency)} in total, ` +
    `highest ${formatPrice(best.paidRevenueMinor, currency)} on ${longDate(best.date)}; ` +
    `${formatPrice(assistant, currency)} from the assistant.`
  );
}
