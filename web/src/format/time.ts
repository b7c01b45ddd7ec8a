const relative = new Intl.RelativeTimeFormat('en', { numeric: 'auto', style: 'short' });

const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['minute', 60],
  ['hour', 60 * 60],
  ['day', 24 * 60 * 60],
];

/** "just now", "5 min. ago", "3 hr. ago", "yesterday", "4 days ago"; older than a week: the date. */
export function formatRelative(iso: string, now: number = Date.now()): string {
  const at = Date.parse(iso);
  if (Number.isNaN(at)) {
    return '';
  }
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) {
    return 'just now';
  }
  if (seconds >= 7 * 24 * 60 * 60) {
    return formatDate(iso);
  }
  let unit: Intl.RelativeTimeFormatUnit = 'minute';
  let size = 60;
  for (const [candidate, candidateSize] of steps) {
    if (seconds >= candidateSize) {
      unit = candidate;
      size = candidateSize;
    }
  }
  return relative.format(-Math.max(1, Math.round(seconds / size)), unit);
}

/** A calendar date, e.g. "12 Mar 2026". */
export function formatDate(iso: string): string {
  return new Date(iso).toLocaleDateString('en-GB', { day: 'numeric', month: 'short', year: 'numeric' });
}

/** Date and time, for a message in a thread or a tooltip. */
export function formatDateTime(iso: string): string {
  return new Date(iso).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
}
