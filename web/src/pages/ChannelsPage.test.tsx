import { fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { channel, signIn } from '../test/fixtures';
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
});
