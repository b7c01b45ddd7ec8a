import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type ActivityEntry, type ActivityQuery } from '../api';
import { Alert } from '../components/Alert';
import { Field, SelectField } from '../components/Field';
import { formatDateTime } from '../format/time';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

type CategoryFilter = '' | 'SECURITY' | 'TEAM' | 'SETTINGS' | 'CHANNELS' | 'CONVERSATIONS' | 'ORDERS';

const categories: ReadonlyArray<{ value: CategoryFilter; label: string }> = [
  { value: '', label: 'Everything' },
  { value: 'SECURITY', label: 'Security' },
  { value: 'TEAM', label: 'Team' },
  { value: 'SETTINGS', label: 'Settings' },
  { value: 'CHANNELS', label: 'Channels' },
  { value: 'CONVERSATIONS', label: 'Conversations' },
  { value: 'ORDERS', label: 'Orders' },
];

/** `LOGIN_FAILED` -> `Login failed`. */
function kindLabel(kind: string): string {
  const words = kind.toLowerCase().split('_').join(' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A date (yyyy-mm-dd) as the start of that day in the browser's zone, as the API's instant. */
function startOfDay(date: string): string | undefined {
  return date ? new Date(`${date}T00:00:00`).toISOString() : undefined;
}

/** The day after `date`, so "to" includes the whole day. */
function endOfDay(date: string): string | undefined {
  if (!date) {
    return undefined;
  }
  const next = new Date(`${date}T00:00:00`);
  next.setDate(next.getDate() + 1);
  return next.toISOString();
}

/**
 * Settings → Activity (owners and admins): who did what, when and from where in the business —
 * log-ins, two-factor and session changes, the team, settings, channels, takeovers and orders —
 * newest first, filtered by category, person and dates, older entries on demand.
 */
export function ActivityPage() {
  const [category, setCategory] = useState<CategoryFilter>('');
  const [actor, setActor] = useState('');
  const [fromDate, setFromDate] = useState('');
  const [toDate, setToDate] = useState('');
  const [filter, setFilter] = useState<Omit<ActivityQuery, 'cursor'>>({});

  const query = useInfiniteQuery({
    queryKey: queryKeys.activity(filter),
    queryFn: ({ signal, pageParam }) => api.activity({ ...filter, cursor: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
  const entries = query.data?.pages.flatMap((page) => page.items);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    setFilter({
      category: category || undefined,
      actor: actor.trim() || undefined,
      from: startOfDay(fromDate),
      to: endOfDay(toDate),
    });
  };

  const failure = queryProblem(query);
  const forbidden = failure instanceof ApiError && failure.status === 403;
  const moreFailed = query.isFetchNextPageError;
  const problem = forbidden || moreFailed ? null : pollErrorMessage(failure);
  const filterErrors = failure instanceof ApiError && failure.status === 400 ? Object.values(failure.fieldErrors) : [];
  return (
    <section className="activity">
      <p className="eyebrow">Settings</p>
      <h1>Activity</h1>
      <SettingsTabs />
      <form onSubmit={apply} noValidate className="form form-inline" aria-label="Activity filters">
        <SelectField label="Category" value={category} onChange={setCategory} options={categories} />
        <Field label="Person" hint="A member's user id, or “system”." value={actor} onChange={setActor} />
        <Field label="From" type="date" value={fromDate} onChange={setFromDate} />
        <Field label="To" type="date" value={toDate} onChange={setToDate} />
        <button type="submit" className="button-secondary">
          Filter
        </button>
      </form>
      {forbidden && <Alert tone="warning">Only owners and admins can see the activity log.</Alert>}
      {filterErrors.length > 0 && <Alert>{filterErrors.join(' ')}</Alert>}
      {problem && filterErrors.length === 0 && <Alert>Could not load the activity: {problem}</Alert>}
      {moreFailed && <Alert>Could not load older activity: {describeError(failure)}</Alert>}
      {entries === undefined && !failure && <p className="muted">Loading activity…</p>}
      {entries && entries.length === 0 && <p className="muted">Nothing happened that matches these filters.</p>}
      {entries && entries.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Activity</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Details</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((entry) => (
              <ActivityRow key={entry.id} entry={entry} />
            ))}
          </tbody>
        </table>
      )}
      {entries && query.hasNextPage && (
        <button type="button" className="button-secondary" disabled={query.isFetchingNextPage}
          onClick={() => void query.fetchNextPage()}>
          {query.isFetchingNextPage ? 'Loading…' : 'Load older'}
        </button>
      )}
    </section>
  );
}

function ActivityRow({ entry }: { entry: ActivityEntry }) {
  const who = entry.actor === 'system' ? 'System' : (entry.actorEmail ?? entry.actorUserId ?? 'A member');
  return (
    <tr>
      <td>
        <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
      </td>
      <td>{who}</td>
      <td>{kindLabel(entry.kind)}</td>
      <td>{entry.subject ?? ''}</td>
      <td>
        {entry.ip ?? ''}
        {entry.userAgent && <span className="muted"> {entry.userAgent}</span>}
      </td>
    </tr>
  );
}
