import { formatRelative } from './time';

const now = Date.parse('2026-03-12T12:00:00Z');
const ago = (seconds: number) => new Date(now - seconds * 1000).toISOString();

describe('formatRelative', () => {
  it('calls anything under 45 seconds "just now", including clock skew into the future', () => {
    expect(formatRelative(ago(10), now)).toBe('just now');
    expect(formatRelative(ago(-5), now)).toBe('just now');
  });

  it('counts minutes, hours and days in the largest whole unit', () => {
    expect(formatRelative(ago(5 * 60), now)).toBe('5 min. ago');
    expect(formatRelative(ago(3 * 3600 + 10), now)).toBe('3 hr. ago');
    expect(formatRelative(ago(26 * 3600), now)).toBe('yesterday');
    expect(formatRelative(ago(4 * 86400), now)).toBe('4 days ago');
  });

  it('shows the date for anything older than a week', () => {
    expect(formatRelative(ago(10 * 86400), now)).toBe('2 Mar 2026');
  });

  it('shows nothing for a time it cannot read', () => {
    expect(formatRelative('not a date', now)).toBe('');
  });
});
