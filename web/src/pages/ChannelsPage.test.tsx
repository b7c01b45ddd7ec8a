import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { channel, signIn, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

function connect(externalId: string, name: string, accessToken: string) {
  fireEvent.change(screen.getByLabelText('Instagram account id'), { target: { value: externalId } });
  fireEvent.change(screen.getByLabelText('Channel name'), { target: { value: name } });
  fireEvent.change(screen.getByLabelText('Access token'), { target: { value: accessToken } });
  fireEvent.click(screen.getByRole('button', { name: 'Connect' }));
}

describe('ChannelsPage', () => {
  beforeEach(() => {
    signIn({ accessToken: 'merchant-token' });
  });

  it('posts an INSTAGRAM channel with the form values and shows the masked token it gets back', async () => {
    const fake = stubApi({
      'GET /api/channels': ok([]),
      'POST /api/channels': { status: 201, body: channel({ externalId: '17841400000000000', name: 'Linen shop IG', accessToken: 'EAAB…4f2a' }) },
    });
    renderApp('/channels');
    expect(await screen.findByText('No channel connected yet.')).toBeInTheDocument();
    expect(screen.getByLabelText('Access token')).toHaveAttribute('type', 'password');

    connect('17841400000000000', 'Linen shop IG', 'EAABsecretsecretsecret4f2a');

    expect(await screen.findByRole('status')).toHaveTextContent('Connected Linen shop IG. Access token stored as EAAB…4f2a.');
    const [request] = fake.requestsTo('POST /api/channels');
    expect(request?.body).toEqual({
      type: 'INSTAGRAM',
      externalId: '17841400000000000',
      name: 'Linen shop IG',
      accessToken: 'EAABsecretsecretsecret4f2a',
    });
    expect(request?.headers.authorization).toBe('Bearer merchant-token');
    const row = within(screen.getByRole('table')).getByRole('row', { name: /Linen shop IG/ });
    expect(row).toHaveTextContent('EAAB…4f2a');
    expect(screen.queryByText(/EAABsecret/)).not.toBeInTheDocument();
    expect(screen.getByLabelText('Access token')).toHaveValue('');
  });

  it('lists the channels already connected', async () => {
    stubApi({ 'GET /api/channels': ok([channel({ name: 'Main account' })]) });
    renderApp('/channels');

    const row = await screen.findByRole('row', { name: /Main account/ });
    expect(row).toHaveTextContent('Instagram');
    expect(row).toHaveTextContent('EAAB…4f2a');
  });

  it('says the account is already connected on 409', async () => {
    stubApi({
      'GET /api/channels': ok([]),
      'POST /api/channels': problem(409, 'Conflict', { detail: 'This Instagram account is already connected.' }),
    });
    renderApp('/channels');

    connect('17841400000000000', 'Linen shop IG', 'EAABtoken');

    expect(await screen.findByRole('alert')).toHaveTextContent('This Instagram account is already connected.');
  });

  it('shows field errors from a 400 under the matching inputs', async () => {
    stubApi({
      'GET /api/channels': ok([]),
      'POST /api/channels': problem(400, 'Bad Request', { fieldErrors: { externalId: 'must be numeric' } }),
    });
    renderApp('/channels');

    connect('not-a-number', 'Linen shop IG', 'EAABtoken');

    expect(await screen.findByText('must be numeric')).toBeInTheDocument();
    expect(screen.getByLabelText('Instagram account id')).toHaveAccessibleDescription('must be numeric');
    expect(screen.getByLabelText('Instagram account id')).toHaveValue('not-a-number');
  });

  describe('each channel type', () => {
    beforeEach(() => {
      signInAs('OWNER');
    });

    function type(field: string, value: string) {
      fireEvent.change(screen.getByLabelText(field), { target: { value } });
    }

    it('sends an Instagram account reached through its Page with the Page id, and no name when left blank', async () => {
      const fake = stubApi({
        'GET /api/channels': ok([]),
        'POST /api/channels': { status: 201, body: channel({ name: 'linenshop', pageId: '104000000000001' }) },
      });
      renderApp('/channels');
      await screen.findByText('No channel connected yet.');

      type('Instagram account id', ' 17841400000000000 ');
      type('Facebook Page id (optional)', '104000000000001');
      type('Access token', 'EAABpagetokenpagetoken4f2a');
      fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Connected linenshop.');
      expect(fake.requestsTo('POST /api/channels')[0]?.body).toEqual({
        type: 'INSTAGRAM',
        externalId: '17841400000000000',
        pageId: '104000000000001',
        accessToken: 'EAABpagetokenpagetoken4f2a',
      });
      expect(screen.getByRole('row', { name: /linenshop/ })).toHaveTextContent('Page104000000000001');
    });

    it('connects a Messenger Page with its Page id and token, saying where the id comes from', async () => {
      const fake = stubApi({
        'GET /api/channels': ok([]),
        'POST /api/channels': {
          status: 201,
          body: channel({ id: 'channel-2', type: 'MESSENGER', externalId: '104000000000001', pageId: '104000000000001', name: 'Linen Loft' }),
        },
      });
      renderApp('/channels');
      await screen.findByText('No channel connected yet.');

      fireEvent.click(screen.getByRole('radio', { name: 'Messenger' }));
      expect(screen.queryByLabelText('Instagram account id')).not.toBeInTheDocument();
      expect(screen.getByText(/Messenger → Settings lists the Page with its id/)).toBeInTheDocument();
      type('Facebook Page id', '104000000000001');
      type('Channel name', 'Linen Loft');
      type('Access token', 'EAABmessengertoken9c1d');
      fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

      const row = await screen.findByRole('row', { name: /Linen Loft/ });
      expect(row).toHaveTextContent('Messenger');
      expect(row).toHaveTextContent('Page104000000000001');
      expect(fake.requestsTo('POST /api/channels')[0]?.body).toEqual({
        type: 'MESSENGER',
        pageId: '104000000000001',
        name: 'Linen Loft',
        accessToken: 'EAABmessengertoken9c1d',
      });
    });

    it('connects a WhatsApp number with its phone number id and WABA id, and lists the number', async () => {
      const fake = stubApi({
        'GET /api/channels': ok([]),
        'POST /api/channels': {
          status: 201,
          body: channel({
            id: 'channel-3',
            type: 'WHATSAPP',
            externalId: '106540352242922',
            phoneNumberId: '106540352242922',
            wabaId: '102290129340398',
            displayPhoneNumber: '+234 801 234 5678',
            name: 'Linen Loft WA',
          }),
        },
      });
      renderApp('/channels');
      await screen.findByText('No channel connected yet.');

      fireEvent.click(screen.getByRole('radio', { name: 'WhatsApp' }));
      expect(screen.getByText(/WhatsApp → API Setup shows the phone number id/)).toBeInTheDocument();
      type('Phone number id', '106540352242922');
      type('Access token', 'EAABwhatsapptoken7e3f');
      fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

      expect(await screen.findByText('Enter the WhatsApp Business Account id.')).toBeInTheDocument();
      expect(fake.requestsTo('POST /api/channels')).toHaveLength(0);

      type('WhatsApp Business Account id', '102290129340398');
      fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

      const row = await screen.findByRole('row', { name: /Linen Loft WA/ });
      expect(row).toHaveTextContent('WhatsApp');
      expect(row).toHaveTextContent('+234 801 234 5678');
      expect(row).toHaveTextContent('Phone number id106540352242922');
      expect(row).toHaveTextContent('WABA102290129340398');
      expect(fake.requestsTo('POST /api/channels')[0]?.body).toEqual({
        type: 'WHATSAPP',
        phoneNumberId: '106540352242922',
        wabaId: '102290129340398',
        accessToken: 'EAABwhatsapptoken7e3f',
      });
    });

    it('shows a Page id error the server names externalId under the Messenger Page id', async () => {
      stubApi({
        'GET /api/channels': ok([]),
        'POST /api/channels': problem(400, 'Bad Request', { errors: { externalId: 'must be an account id' } }),
      });
      renderApp('/channels');
      await screen.findByText('No channel connected yet.');

      fireEvent.click(screen.getByRole('radio', { name: 'Messenger' }));
      type('Facebook Page id', '104000000000001');
      type('Access token', 'EAABmessengertoken9c1d');
      fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

      expect(await screen.findByText('must be an account id')).toBeInTheDocument();
      expect(screen.getByLabelText('Facebook Page id')).toHaveAccessibleDescription('must be an account id');
    });
  });

  describe('when Meta or the server refuses', () => {
    beforeEach(() => {
      signInAs('ADMIN');
    });

    it.each([
      [
        'ACCOUNT_MISMATCH',
        problem(422, 'Channel ownership not proven', {
          reason: 'ACCOUNT_MISMATCH',
          detail: 'This token is for Page 1040, not Page 2040.',
        }),
        'This token does not control that account. This token is for Page 1040, not Page 2040.',
      ],
      [
        'TOKEN_INVALID',
        problem(422, 'Channel ownership not proven', { reason: 'TOKEN_INVALID', detail: 'Meta rejected the access token (…).' }),
        'Meta rejected this access token: it is invalid or has expired. Generate a new one and paste it again.',
      ],
      [
        'NO_ACCESS',
        problem(422, 'Channel ownership not proven', {
          reason: 'NO_ACCESS',
          detail: 'Meta refused access with this token: (#10) Application does not have permission for this action',
        }),
        'This token has no access to that account. Meta refused access with this token: (#10) Application does not have permission for this action',
      ],
      [
        'a 503',
        problem(503, 'Service Unavailable', { reason: 'GRAPH_UNAVAILABLE', detail: 'Meta Graph API unavailable' }),
        'Meta could not be reached; nothing was saved, try again.',
      ],
      [
        'a 409',
        problem(409, 'Conflict', { detail: 'This account is already connected.' }),
        'This account is already connected.',
      ],
      ['a 403', problem(403, 'Forbidden'), 'Only owners and admins can connect channels.'],
    ])('says %s in words and keeps what was typed', async (_name, reply, words) => {
      stubApi({ 'GET /api/channels': ok([]), 'POST /api/channels': reply });
      renderApp('/channels');
      await screen.findByText('No channel connected yet.');

      connect('17841400000000000', 'Linen shop IG', 'EAABtokentoken');

      expect(await screen.findByRole('alert')).toHaveTextContent(words);
      expect(screen.getByLabelText('Instagram account id')).toHaveValue('17841400000000000');
      expect(screen.queryByRole('table')).not.toBeInTheDocument();
    });
  });

  it('shows an agent the channels and their state without any control to change them', async () => {
    signInAs('AGENT');
    stubApi({
      'GET /api/channels': ok([
        channel({ name: 'Main account' }),
        channel({ id: 'channel-2', type: 'MESSENGER', name: 'Linen Page', externalId: '104000000000001', status: 'NEEDS_RECONNECT' }),
      ]),
    });
    renderApp('/channels');

    const stale = await screen.findByRole('row', { name: /Linen Page/ });
    expect(stale).toHaveTextContent('Meta rejected its token — reconnect (an owner or admin can)');
    expect(screen.getByText('Only owners and admins can connect or disconnect channels.')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
    expect(screen.queryByLabelText('Access token')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /connect/i })).not.toBeInTheDocument();
  });

  it('shows a channel whose token Meta rejected, and reconnects it in one step from the pre-filled form', async () => {
    signInAs('OWNER');
    const stale = channel({
      id: 'channel-3',
      type: 'WHATSAPP',
      externalId: '106540352242922',
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      displayPhoneNumber: '+234 801 234 5678',
      name: 'Linen Loft WA',
      status: 'NEEDS_RECONNECT',
    });
    const fake = stubApi({
      'GET /api/channels': ok([channel(), stale]),
      'POST /api/channels': { status: 201, body: { ...stale, status: 'CONNECTED', accessToken: 'EAAB…9f9f' } },
    });
    renderApp('/channels');

    const row = await screen.findByRole('row', { name: /Linen Loft WA/ });
    expect(row).toHaveTextContent('Needs reconnect');
    expect(row).toHaveTextContent('Meta rejected its token — reconnect');
    fireEvent.click(within(row).getByRole('button', { name: 'Reconnect' }));

    const form = screen.getByRole('form', { name: 'Reconnect Linen Loft WA' });
    expect(within(form).getByRole('radio', { name: 'WhatsApp' })).toBeChecked();
    expect(within(form).getByLabelText('Phone number id')).toHaveValue('106540352242922');
    expect(within(form).getByLabelText('WhatsApp Business Account id')).toHaveValue('102290129340398');
    expect(within(form).getByLabelText('Channel name')).toHaveValue('Linen Loft WA');
    expect(within(form).getByLabelText('Access token')).toHaveValue('');
    expect(within(form).getByLabelText('Access token')).toHaveFocus();

    fireEvent.change(within(form).getByLabelText('Access token'), { target: { value: 'EAABfreshtokenfresh9f9f' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Reconnected Linen Loft WA. Access token stored as EAAB…9f9f.');
    expect(fake.requestsTo('POST /api/channels')[0]?.body).toEqual({
      type: 'WHATSAPP',
      phoneNumberId: '106540352242922',
      wabaId: '102290129340398',
      name: 'Linen Loft WA',
      accessToken: 'EAABfreshtokenfresh9f9f',
    });
    const reconnected = screen.getByRole('row', { name: /Linen Loft WA/ });
    expect(within(reconnected).getByText('Connected')).toHaveClass('badge');
    expect(reconnected).not.toHaveTextContent('Meta rejected');
    expect(screen.getAllByRole('row')).toHaveLength(3);
    expect(screen.getByRole('form', { name: 'Connect a channel' })).toBeInTheDocument();
  });

  it('greys a disconnected channel and offers to connect it again, pre-filled', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/channels': ok([
        channel({
          id: 'channel-2',
          type: 'MESSENGER',
          name: 'Old Page',
          externalId: '104000000000001',
          pageId: '104000000000001',
          status: 'DISCONNECTED',
          accessToken: '',
        }),
      ]),
    });
    renderApp('/channels');

    const row = await screen.findByRole('row', { name: /Old Page/ });
    expect(row).toHaveClass('channel-disconnected');
    expect(row).toHaveTextContent('Disconnected');
    expect(within(row).queryByRole('button', { name: 'Disconnect' })).not.toBeInTheDocument();
    fireEvent.click(within(row).getByRole('button', { name: 'Connect again' }));

    const form = screen.getByRole('form', { name: 'Reconnect Old Page' });
    expect(within(form).getByRole('radio', { name: 'Messenger' })).toBeChecked();
    expect(within(form).getByLabelText('Facebook Page id')).toHaveValue('104000000000001');
    fireEvent.click(within(form).getByRole('button', { name: 'Connect another account instead' }));
    expect(screen.getByRole('form', { name: 'Connect a channel' })).toBeInTheDocument();
    expect(screen.getByLabelText('Instagram account id')).toHaveValue('');
  });

  it('disconnects a channel only after confirmation, then shows the list read again', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/channels': [ok([channel()]), ok([channel({ status: 'DISCONNECTED', accessToken: '' })])],
      'DELETE /api/channels/channel-1': { status: 204 },
    });
    renderApp('/channels');

    fireEvent.click(within(await screen.findByRole('row', { name: /Linen shop IG/ })).getByRole('button', { name: 'Disconnect' }));
    const confirm = screen.getByRole('group', { name: 'Disconnect Linen shop IG?' });
    expect(confirm).toHaveTextContent('Its messages stop arriving; its conversations are kept.');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(fake.requestsTo('DELETE /api/channels/channel-1')).toHaveLength(0);

    fireEvent.click(within(screen.getByRole('row', { name: /Linen shop IG/ })).getByRole('button', { name: 'Disconnect' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disconnect' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Disconnected Linen shop IG. Its conversations are kept.');
    const row = await screen.findByRole('row', { name: /Linen shop IG.*Disconnected/ });
    expect(row).toHaveClass('channel-disconnected');
    expect(within(row).getByRole('button', { name: 'Connect again' })).toBeInTheDocument();
    expect(fake.requestsTo('DELETE /api/channels/channel-1')).toHaveLength(1);
    expect(fake.requestsTo('DELETE /api/channels/channel-1')[0]?.headers.authorization).toMatch(/^Bearer /);
    await waitFor(() => expect(fake.requestsTo('GET /api/channels')).toHaveLength(2));
  });

  it('says why a disconnect failed and keeps the channel', async () => {
    signInAs('ADMIN');
    stubApi({
      'GET /api/channels': ok([channel()]),
      'DELETE /api/channels/channel-1': problem(503, 'Service Unavailable', { detail: 'Try again in a moment.' }),
    });
    renderApp('/channels');

    fireEvent.click(within(await screen.findByRole('row', { name: /Linen shop IG/ })).getByRole('button', { name: 'Disconnect' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, disconnect' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not disconnect Linen shop IG: Try again in a moment.');
    expect(within(screen.getByRole('row', { name: /Linen shop IG/ })).getByText('Connected')).toHaveClass('badge');
    expect(screen.getByRole('row', { name: /Linen shop IG/ })).not.toHaveClass('channel-disconnected');
  });
});
