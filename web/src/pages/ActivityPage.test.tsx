import { fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

function entry(overrides: Record<string, unknown>) {
  return {
    id: 'e-1',
    occurredAt: '2026-11-30T10:00:00Z',
    category: 'SECURITY',
    kind: 'LOGIN_FAILED',
    actor: 'user',
    actorUserId: 'u-1',
    actorEmail: 'ada@example.com',
    ip: '203.0.113.7',
    userAgent: 'Firefox',
    subject: null,
    ...overrides,
  };
}

describe('ActivityPage', () => {
  it('lists who did what and from where, newest first, and loads older entries', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/activity': ok({
        items: [entry({}), entry({ id: 'e-2', category: 'CHANNELS', kind: 'CHANNEL_CONNECTED', actor: 'system',
          actorUserId: null, actorEmail: null, ip: null, userAgent: null, subject: 'INSTAGRAM ada.linen' })],
        nextCursor: 'c-2',
      }),
      'GET /api/activity?cursor=c-2': ok({
        items: [entry({ id: 'e-3', category: 'ORDERS', kind: 'ORDER_CANCELLED', subject: 'order 42', ip: null, userAgent: null })],
        nextCursor: null,
      }),
    });
    renderApp('/settings/activity');

    const table = await screen.findByRole('table', { name: 'Activity' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('ada@example.com');
    expect(rows[0]).toHaveTextContent('Login failed');
    expect(rows[0]).toHaveTextContent('203.0.113.7');
    expect(rows[1]).toHaveTextContent('System');
    expect(rows[1]).toHaveTextContent('Channel connected');
    expect(rows[1]).toHaveTextContent('INSTAGRAM ada.linen');

    fireEvent.click(screen.getByRole('button', { name: 'Load older' }));
    expect(await screen.findByText('Order cancelled')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load older' })).not.toBeInTheDocument();
  });

  it('filters by category, person and dates', async () => {
    signInAs('ADMIN');
    const fake = stubApi({
      'GET /api/activity': ok({ items: [entry({})], nextCursor: null }),
    });
    renderApp('/settings/activity');
    await screen.findByRole('table', { name: 'Activity' });
    const from = new Date('2026-11-01T00:00:00').toISOString();
    const to = new Date('2026-12-01T00:00:00').toISOString();
    const filtered = `GET /api/activity?category=TEAM&actor=system&from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
    fake.answer(filtered, ok({ items: [], nextCursor: null }));

    fireEvent.change(screen.getByLabelText('Category'), { target: { value: 'TEAM' } });
    fireEvent.change(screen.getByLabelText('Person'), { target: { value: ' system ' } });
    fireEvent.change(screen.getByLabelText('From'), { target: { value: '2026-11-01' } });
    fireEvent.change(screen.getByLabelText('To'), { target: { value: '2026-11-30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));

    expect(await screen.findByText('Nothing happened that matches these filters.')).toBeInTheDocument();
    expect(fake.requestsTo(filtered)).toHaveLength(1);
  });

  it('says so when the server refuses a filter', async () => {
    signInAs('OWNER');
    const fake = stubApi({ 'GET /api/activity': ok({ items: [], nextCursor: null }) });
    renderApp('/settings/activity');
    await screen.findByText('Nothing happened that matches these filters.');
    fake.answer('GET /api/activity?actor=nobody', problem(400, 'Invalid input', {
      detail: 'Some filters are invalid.', errors: { actor: 'must be a member’s user id or system' },
    }));

    fireEvent.change(screen.getByLabelText('Person'), { target: { value: 'nobody' } });
    fireEvent.click(screen.getByRole('button', { name: 'Filter' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('must be a member’s user id or system');
  });

  it('is offered to owners and admins only, and an agent is told it is not for them', async () => {
    signInAs('AGENT');
    stubApi({ 'GET /api/activity': problem(403, 'Forbidden') });
    renderApp('/settings/activity');

    expect(await screen.findByText('Only owners and admins can see the activity log.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Activity' })).not.toBeInTheDocument();
    expect(screen.queryByRole('table', { name: 'Activity' })).not.toBeInTheDocument();
  });

  it('is a settings tab for an owner', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/business': ok({ id: 'b', name: 'Ada', timeZone: null, language: null, country: null,
      contactEmail: null, logoUrl: null, updatedAt: null }) });
    renderApp('/settings/business');

    expect(await screen.findByRole('link', { name: 'Activity' })).toHaveAttribute('href', '/settings/activity');
  });
});
