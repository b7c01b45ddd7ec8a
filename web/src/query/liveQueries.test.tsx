import { act, screen } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { endSession } from '../session/session';
import { signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

/*
 * How a live page keeps its data fresh through the query cache (what usePolling did by hand before):
 * shown on the notifications page, which reads GET /api/notifications every 3 s.
 */
const route = 'GET /api/notifications';
const notification = { id: 'n-1', kind: 'DM', title: 'New message from Maya', body: 'Hi!', createdAt: new Date().toISOString(), readAt: null };

function setVisibility(state: DocumentVisibilityState) {
  Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => state });
  // The browser fires it on the document and it bubbles to window, where TanStack Query listens.
  document.dispatchEvent(new Event('visibilitychange', { bubbles: true }));
}

async function advance(ms: number) {
  await act(() => vi.advanceTimersByTimeAsync(ms));
}

describe('live queries', () => {
  beforeEach(() => {
    signIn();
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'setInterval', 'clearInterval'] });
  });

  afterEach(() => {
    // Visible again for the next test, quietly: an event now would make this test's page read once more.
    Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'visible' });
  });

  it('reads at once and again every 3 s', async () => {
    const fake = stubApi({ [route]: ok([]) });
    renderApp('/notifications');
    await advance(0);
    expect(fake.requestsTo(route)).toHaveLength(1);

    await advance(2999);
    expect(fake.requestsTo(route)).toHaveLength(1);
    await advance(1);
    expect(fake.requestsTo(route)).toHaveLength(2);
    await advance(3000);
    expect(fake.requestsTo(route)).toHaveLength(3);
  });

  it('asks nothing while the tab is hidden, and asks at once when it is shown again', async () => {
    const fake = stubApi({ [route]: ok([]) });
    renderApp('/notifications');
    await advance(0);

    act(() => setVisibility('hidden'));
    await advance(30_000);
    expect(fake.requestsTo(route)).toHaveLength(1);

    fake.answer(route, ok([notification]));
    act(() => setVisibility('visible'));
    await advance(0);
    expect(fake.requestsTo(route)).toHaveLength(2);
    expect(screen.getByText('New message from Maya')).toBeInTheDocument();
  });

  it('shows a passing failure at once, keeps what it showed, and retries until an answer comes', async () => {
    const fake = stubApi({ [route]: [ok([notification]), problem(503, 'Service Unavailable', { detail: 'notification-service is not answering.' }), ok([])] });
    renderApp('/notifications');
    await advance(0);
    expect(screen.getByText('New message from Maya')).toBeInTheDocument();

    await advance(3000);
    expect(screen.getByRole('alert')).toHaveTextContent('Could not load notifications: notification-service is not answering.');
    expect(screen.getByText('New message from Maya')).toBeInTheDocument();

    await advance(3000);
    expect(fake.requestsTo(route)).toHaveLength(3);
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByText('No notifications yet.')).toBeInTheDocument();
  });

  it('does not retry an answer such as 403 beyond the regular poll', async () => {
    const fake = stubApi({ [route]: problem(403, 'Forbidden', { detail: 'Not for your role.' }) });
    renderApp('/notifications');
    await advance(0);
    expect(screen.getByRole('alert')).toHaveTextContent('Not for your role.');

    await advance(2999);
    expect(fake.requestsTo(route)).toHaveLength(1);
  });

  it('ends the session on a 401 and shows log-in, as every call does', async () => {
    stubApi({ [route]: problem(401, 'Unauthorized') });
    const { location } = renderApp('/notifications');
    await advance(0);

    expect(location()).toBe('/login');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('stops when the page is left', async () => {
    const fake = stubApi({ [route]: ok([]), 'GET /api/channels': ok([]) });
    const { router } = renderApp('/notifications');
    await advance(0);

    await act(() => router.navigate('/channels'));
    await advance(30_000);

    expect(fake.requestsTo(route)).toHaveLength(1);
  });

  it('forgets everything read once the session ends, so the next member at the tab sees none of it', async () => {
    stubApi({ [route]: ok([notification]) });
    const { queryClient, location } = renderApp('/notifications');
    await advance(0);
    expect(queryClient.getQueryData(['notifications'])).toEqual([notification]);

    act(() => endSession());
    await advance(0);

    expect(location()).toBe('/login');
    expect(queryClient.getQueryCache().getAll()).toHaveLength(0);
  });
});
