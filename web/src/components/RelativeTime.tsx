import { formatDateTime, formatRelative } from '../format/time';

/** "5 min. ago", with the exact time on hover and in the markup. */
export function RelativeTime({ iso }: { iso: string }) {
  return (
    <time dateTime={iso} title={formatDateTime(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
