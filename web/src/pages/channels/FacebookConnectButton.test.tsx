import { fireEvent, screen, waitFor } from '@testing-library/react';
import { vi } from 'vitest';
import { ok, problem, stubApi } from '../../test/fakeApi';
import { signInAs } from '../../test/fixtures';
import { renderApp } from '../../test/renderApp';
import { browser } from './browser';

describe('Connect with Facebook on the channels page', () => {
  afterEach(() => {
    vi.restoreAllMocks();
  });

  it('sends an owner to the Meta dialog the server hands out', async () => {
    signInAs('OWNER');
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    const dialog = 'https://www.facebook.com/v23.0/dialog/oauth?client_id=1&state=abc&response_type=code';
    const fake = stubApi({
      'GET /api/channels': ok([]),
      'GET /api/channels/facebook': ok({ configured: true, detail: null }),
      'POST /api/channels/facebook/login': ok({ authorizeUrl: dialog, state: 'abc' }),
    });
    renderApp('/channels');

    const button = await screen.findByRole('button', { name: 'Connect with Facebook' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);

    await waitFor(() => expect(assign).toHaveBeenCalledWith(dialog));
    expect(fake.requestsTo('POST /api/channels/facebook/login')).toHaveLength(1);
  });

  it('is disabled with the reason when Facebook Login is not configured', async () => {
    signInAs('ADMIN');
    stubApi({
      'GET /api/channels': ok([]),
      'GET /api/channels/facebook': ok({ configured: false, detail: 'Facebook Login is not configured on this Sellavie installation.' }),
    });
    renderApp('/channels');

    expect(await screen.findByText('Facebook Login is not configured on this Sellavie installation.')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect with Facebook' })).toBeDisabled();
  });

  it('says why when the server refuses to start', async () => {
    signInAs('OWNER');
    const assign = vi.spyOn(browser, 'assign').mockImplementation(() => {});
    stubApi({
      'GET /api/channels': ok([]),
      'GET /api/channels/facebook': ok({ configured: true, detail: null }),
      'POST /api/channels/facebook/login': problem(503, 'Facebook Login is not configured', { detail: 'Set SELLAVIE_META_APP_ID.' }),
    });
    renderApp('/channels');

    const button = await screen.findByRole('button', { name: 'Connect with Facebook' });
    await waitFor(() => expect(button).toBeEnabled());
    fireEvent.click(button);

    expect(await screen.findByRole('alert')).toHaveTextContent('Set SELLAVIE_META_APP_ID.');
    expect(assign).not.toHaveBeenCalled();
  });

  it('is not offered to an agent', async () => {
    signInAs('AGENT');
    stubApi({ 'GET /api/channels': ok([]) });
    renderApp('/channels');

    expect(await screen.findByText('No channel connected yet.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Connect with Facebook' })).not.toBeInTheDocument();
  });
});
