import { fireEvent, screen, within } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

const laptop = {
  id: 'session-laptop',
  device: 'Mozilla/5.0 (Macintosh) Firefox/140.0',
  ip: '198.51.100.9',
  createdAt: minutesAgo(90),
  lastUsedAt: minutesAgo(1),
  expiresAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
  current: true,
};
const phone = { ...laptop, id: 'session-phone', device: 'Mozilla/5.0 (iPhone) Safari', ip: '203.0.113.7', current: false };

describe('SessionsPage', () => {
  it('lists where the member is signed in, this device marked, with address and times', async () => {
    signIn();
    stubApi({ 'GET /api/auth/sessions': ok({ sessions: [laptop, phone] }) });
    renderApp('/settings/sessions');

    const table = await screen.findByRole('table', { name: 'Sessions' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('Firefox/140.0');
    expect(rows[0]).toHaveTextContent('This device');
    expect(rows[0]).toHaveTextContent('198.51.100.9');
    expect(rows[1]).toHaveTextContent('203.0.113.7');
    expect(rows[1]).not.toHaveTextContent('This device');
    expect(screen.getByRole('link', { name: 'Sessions' })).toBeInTheDocument();
  });

  it('ends another device\'s session and shows the list without it', async () => {
    signIn();
    const fake = stubApi({
      'GET /api/auth/sessions': [ok({ sessions: [laptop, phone] }), ok({ sessions: [laptop] })],
      'DELETE /api/auth/sessions/session-phone': { status: 204 },
    });
    renderApp('/settings/sessions');

    fireEvent.click(await screen.findByRole('button', { name: /End session on .*iPhone/ }));

    await screen.findByText((_, element) => element?.tagName === 'TBODY' && element.children.length === 1);
    expect(fake.requestsTo('DELETE /api/auth/sessions/session-phone')).toHaveLength(1);
    expect(screen.queryByText(/iPhone/)).not.toBeInTheDocument();
    expect(currentSession()).not.toBeNull();
  });

  it('signing out this device ends the console session and goes to log-in', async () => {
    signIn();
    stubApi({
      'GET /api/auth/sessions': ok({ sessions: [laptop, phone] }),
      'DELETE /api/auth/sessions/session-laptop': { status: 204 },
    });
    const { location } = renderApp('/settings/sessions');

    fireEvent.click(await screen.findByRole('button', { name: 'Sign out this device' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
  });

  it('says why a session could not be ended', async () => {
    signIn();
    stubApi({
      'GET /api/auth/sessions': ok({ sessions: [laptop, phone] }),
      'DELETE /api/auth/sessions/session-phone': problem(404, 'Session not found', { detail: 'You have no such session.' }),
    });
    renderApp('/settings/sessions');

    fireEvent.click(await screen.findByRole('button', { name: /End session on .*iPhone/ }));

    expect(await screen.findByText(/Could not end the session: You have no such session\./)).toBeInTheDocument();
  });
});
