/*
 * The revenue page's date ranges: calendar dates (`2026-11-24`) in the merchant's own time zone, as
 * the revenue API reads them (`from`/`to` inclusive, `zone` an IANA zone).
 */

export type Preset = '7' | '30' | 'custom';

/** The longest range the API accepts, in days. */
export const MAX_RANGE_DAYS = 366;

/** A local calendar date as `YYYY-MM-DD`. */
export function isoDate(date: Date): string {
  const month = String(date.getMonth() + 1).padStart(2, '0');
  const day = String(date.getDate()).padStart(2, '0');
  return `${date.getFullYear()}-${month}-${day}`;
}

/** The last `days` days, today included. */
export function lastDays(days: number, now: Date = new Date()): { from: string; to: string } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() - (days - 1));
  return { from: isoDate(from), to: isoDate(now) };
}

/** The browser's IANA time zone (e.g. `Africa/Lagos`), or undefined (the server then uses UTC). */
export function browserZone(): string | undefined {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || undefined;
  } catch {
    return undefined;
  }
}

/** Days from `from` to `to`, both included; NaN when either is not a date. */
export function daysInRange(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;
}

/** What is wrong with a custom range, or null. */
export function rangeError(from: string, to: string): string | null {
  if (!from || !to) {
    return 'Choose both dates.';
  }
  const days = daysInRange(from, to);
  if (Number.isNaN(days)) {
    return 'Choose both dates.';
  }
  if (days < 1) {
    return 'The start date must not be after the end date.';
  }
  if (days > MAX_RANGE_DAYS) {
    return `Choose at most ${MAX_RANGE_DAYS} days.`;
  }
  return null;
}

/** "24 Nov" (a calendar date: no time zone shift). */
export function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' });
}

/** "24 Nov 2026". */
export function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

const percent = new Intl.NumberFormat('en', { style: 'percent', minimumFractionDigits: 0, maximumFractionDigits: 1 });

/** A 0..1 ratio as a percentage, "42.9%"; "—" when there is none (no checkout link was sent). */
export function formatConversion(conversion: number | null | undefined): string {
  return conversion === null || conversion === undefined || Number.isNaN(conversion) ? '—' : percent.format(conversion);
}
