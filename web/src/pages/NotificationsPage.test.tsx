import { screen, within } from '@testing-library/react';
import { ok, stubApi } from '../test/fakeApi';
import { signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('NotificationsPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('lists notifications with unread ones marked', async () => {
    stubApi({
      'GET /api/notifications': ok([
        { id: 'n-2', kind: 'INBOUND_MESSAGE', title: 'New message from Maya', body: 'Is the linen shirt available?', createdAt: new Date().toISOString(), readAt: null },
        { id: 'n-1', kind: 'INBOUND_MESSAGE', title: 'New message from Tom', body: 'Hello', createdAt: '2026-03-01T10:00:00Z', readAt: '2026-03-01T11:00:00Z' },
      ]),
    });
    renderApp('/notifications');

    const [unread, read] = within(await screen.findByRole('list', { name: 'Notifications' })).getAllByRole('listitem');
    expect(unread).toHaveTextContent('New message from Maya');
    expect(unread).toHaveTextContent('Is the linen shirt available?');
    expect(unread).toHaveClass('notification-unread');
    expect(read).not.toHaveClass('notification-unread');
  });

  it('says when there is nothing yet', async () => {
    stubApi({ 'GET /api/notifications': ok([]) });
    renderApp('/notifications');

    expect(await screen.findByText('No notifications yet.')).toBeInTheDocument();
  });
});
