import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { FacebookChoice } from '../api';
import { ok, problem, stubApi } from '../test/fakeApi';
import { channel, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const page: FacebookChoice = { type: 'MESSENGER', externalId: '1010', name: 'Linen Shop', pageId: '1010', alreadyConnected: false };
const instagram: FacebookChoice = { type: 'INSTAGRAM', externalId: '1784', name: 'linen.shop', pageId: '1010', alreadyConnected: true };
const whatsapp: FacebookChoice = {
  type: 'WHATSAPP',
  externalId: '5550',
  name: 'Linen Shop WA',
  phoneNumberId: '5550',
  wabaId: '9090',
  displayPhoneNumber: '+1 631-555-5555',
  alreadyConnected: false,
};
const callbackPath = '/channels/facebook/callback?code=AQDcode123&state=st4te';

describe('FacebookCallbackPage', () => {
  beforeEach(() => {
    signInAs('OWNER');
  });

  it('exchanges the code once and offers the accounts, the connected one marked and not pickable', async () => {
    const fake = stubApi({
      'POST /api/channels/facebook/callback': ok({ sessionId: 'session-1', choices: [page, instagram, whatsapp] }),
    });
    renderApp(callbackPath);

    const messenger = await screen.findByRole('checkbox', { name: /Messenger: Linen Shop/ });
    expect(messenger).toBeChecked();
    const connected = screen.getByRole('checkbox', { name: /Instagram: linen\.shop.*already connected/ });
    expect(connected).toBeDisabled();
    expect(connected).not.toBeChecked();
    expect(screen.getByRole('checkbox', { name: /WhatsApp: Linen Shop WA \(\+1 631-555-5555\)/ })).toBeChecked();
    expect(fake.requestsTo('POST /api/channels/facebook/callback')).toHaveLength(1);
    expect(fake.requestsTo('POST /api/channels/facebook/callback')[0]?.body).toEqual({ code: 'AQDcode123', state: 'st4te' });
  });

  it('connects the picked accounts and goes back to the channels with what happened', async () => {
    const fake = stubApi({
      'POST /api/channels/facebook/callback': ok({ sessionId: 'session-1', choices: [page, instagram, whatsapp] }),
      'POST /api/channels/facebook/connect': {
        status: 201,
        body: {
          connected: [channel({ id: 'ch-1', type: 'MESSENGER', externalId: '1010', name: 'Linen Shop' })],
          failed: [{ type: 'WHATSAPP', externalId: '5550', status: 422, title: 'Channel ownership not proven', detail: 'Meta refused access.', reason: 'NO_ACCESS' }],
        },
      },
      'GET /api/channels': ok([channel({ id: 'ch-1', type: 'MESSENGER', externalId: '1010', name: 'Linen Shop' })]),
      'GET /api/channels/facebook': ok({ configured: true, detail: null }),
    });
    const { location } = renderApp(callbackPath);

    fireEvent.click(await screen.findByRole('checkbox', { name: /WhatsApp/ }));
    fireEvent.click(screen.getByRole('checkbox', { name: /WhatsApp/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect selected' }));

    await waitFor(() => expect(location()).toBe('/channels'));
    expect(fake.requestsTo('POST /api/channels/facebook/connect')[0]?.body).toEqual({
      sessionId: 'session-1',
      choices: [
        { type: 'MESSENGER', externalId: '1010' },
        { type: 'WHATSAPP', externalId: '5550' },
      ],
    });
    expect(await screen.findByText('Connected with Facebook: Linen Shop.')).toBeInTheDocument();
    expect(screen.getByText('Linen Shop WA: Meta refused access.')).toBeInTheDocument();
    expect(await screen.findByRole('row', { name: /Linen Shop/ })).toBeInTheDocument();
  });

  it('leaves an account out when it is unticked', async () => {
    const fake = stubApi({
      'POST /api/channels/facebook/callback': ok({ sessionId: 'session-1', choices: [page, whatsapp] }),
      'POST /api/channels/facebook/connect': { status: 201, body: { connected: [channel({ name: 'Linen Shop' })], failed: [] } },
      'GET /api/channels': ok([]),
      'GET /api/channels/facebook': ok({ configured: true, detail: null }),
    });
    renderApp(callbackPath);

    fireEvent.click(await screen.findByRole('checkbox', { name: /WhatsApp/ }));
    fireEvent.click(screen.getByRole('button', { name: 'Connect selected' }));

    await waitFor(() => expect(fake.requestsTo('POST /api/channels/facebook/connect')).toHaveLength(1));
    expect(fake.requestsTo('POST /api/channels/facebook/connect')[0]?.body).toEqual({
      sessionId: 'session-1',
      choices: [{ type: 'MESSENGER', externalId: '1010' }],
    });
  });

  it('says the login was cancelled and asks the server nothing', async () => {
    const fake = stubApi({});
    renderApp('/channels/facebook/callback?error=access_denied&error_code=200&error_description=Permissions+error&error_reason=user_denied&state=st4te');

    expect(await screen.findByRole('status')).toHaveTextContent('Facebook Login was cancelled: Permissions error Nothing was connected.');
    expect(fake.requestsTo('POST /api/channels/facebook/callback')).toHaveLength(0);
    expect(screen.getByRole('link', { name: 'Back to channels' })).toHaveAttribute('href', '/channels');
  });

  it('shows why the server refused the callback, and offers nothing to connect', async () => {
    stubApi({
      'POST /api/channels/facebook/callback': problem(422, 'Facebook Login failed', {
        reason: 'STATE_EXPIRED',
        detail: 'This sign-in expired (10 minutes). Connect with Facebook again.',
      }),
    });
    renderApp(callbackPath);

    expect(await screen.findByRole('alert')).toHaveTextContent('This sign-in expired (10 minutes). Connect with Facebook again.');
    expect(screen.queryByRole('checkbox')).not.toBeInTheDocument();
  });

  it('stays on the picker with the reason when nothing could be connected', async () => {
    stubApi({
      'POST /api/channels/facebook/callback': ok({ sessionId: 'session-1', choices: [page] }),
      'POST /api/channels/facebook/connect': problem(422, 'Facebook Login failed', {
        reason: 'NOTHING_CONNECTED',
        detail: 'No account was connected: This MESSENGER account (1010) is already connected to a Sellavie business.',
      }),
    });
    const { location } = renderApp(callbackPath);

    fireEvent.click(await screen.findByRole('button', { name: 'Connect selected' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('already connected to a Sellavie business');
    expect(location()).toBe('/channels/facebook/callback');
    expect(within(screen.getByRole('group', { name: 'Accounts to connect' })).getAllByRole('checkbox')).toHaveLength(1);
  });
});
