/** A cost kept in millionths of a US dollar, as dollars: cents from one cent up, the exact fraction below it. */
export function formatMicroUsd(micro: number): string {
  const digits = micro > 0 && micro < 10_000 ? 6 : 2;
  return new Intl.NumberFormat('en-US', {
    style: 'currency',
    currency: 'USD',
    minimumFractionDigits: 2,
    maximumFractionDigits: digits,
  }).format(micro / 1_000_000);
}

export function formatTokens(tokens: number): string {
  return new Intl.NumberFormat('en-US').format(tokens);
}

/** `2026-12-07` → `7 Dec 2026`, the day as written (no time zone shift: it is already the business's day). */
export function longDay(day: string): string {
  const [year, month, date] = day.split('-').map(Number);
  return new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year!, month! - 1, date!)),
  );
}
