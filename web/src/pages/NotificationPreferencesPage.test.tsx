import { fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const DEFAULTS = {
  preferences: {
    HANDOFF_REQUESTED: 'IN_APP',
    ORDER_PAID: 'IN_APP',
    PAYMENT_FAILED: 'IN_APP',
    CHANNEL_NEEDS_RECONNECT: 'EMAIL',
  },
};

function group(name: string) {
  return within(screen.getByRole('group', { name }));
}

describe('NotificationPreferencesPage', () => {
  it('shows the member’s choices, and an agent chooses paid orders by email', async () => {
    signInAs('AGENT');
    const fake = stubApi({
      'GET /api/notification-preferences': ok(DEFAULTS),
      'PUT /api/notification-preferences': ok({ preferences: { ...DEFAULTS.preferences, ORDER_PAID: 'EMAIL' } }),
    });
    renderApp('/settings/notifications');

    await screen.findByRole('group', { name: 'An order is paid' });
    expect(group('An order is paid').getByLabelText('In the console')).toBeChecked();
    expect(group('A channel needs reconnecting').getByLabelText('Console and email')).toBeChecked();

    fireEvent.click(group('An order is paid').getByLabelText('Console and email'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/notification-preferences')[0]?.body).toEqual({
      preferences: { ...DEFAULTS.preferences, ORDER_PAID: 'EMAIL' },
    });
    expect(group('An order is paid').getByLabelText('Console and email')).toBeChecked();
  });

  it('says why when the server refuses, and keeps what the member chose', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/notification-preferences': ok(DEFAULTS),
      'PUT /api/notification-preferences': problem(400, 'Bad Request', { detail: 'Invalid notification preferences' }),
    });
    renderApp('/settings/notifications');

    await screen.findByRole('group', { name: 'A payment failed' });
    fireEvent.click(group('A payment failed').getByLabelText('Off'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/invalid notification preferences/i);
    expect(group('A payment failed').getByLabelText('Off')).toBeChecked();
  });

  it('is a Settings tab', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/comments/settings': ok({ privateReplies: false }),
      'GET /api/notification-preferences': ok(DEFAULTS),
    });
    renderApp('/settings/comments');

    const tabs = within(await screen.findByRole('navigation', { name: 'Settings' }));
    fireEvent.click(tabs.getByRole('link', { name: 'Notifications' }));

    expect(await screen.findByRole('group', { name: 'A conversation needs a person' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { name: 'Notifications' })).toBeInTheDocument();
  });
});
