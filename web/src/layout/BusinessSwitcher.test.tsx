import { fireEvent, screen, waitFor } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { authResponse, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const businesses = {
  businesses: [
    { id: 'business-1', name: 'Linen & Co', role: 'OWNER', current: true },
    { id: 'business-2', name: 'Bola Fabrics', role: 'AGENT', current: false },
  ],
};

describe('BusinessSwitcher', () => {
  it('shows only the business name for a member of one business', async () => {
    signIn();
    stubApi({ 'GET /api/me/businesses': ok({ businesses: [businesses.businesses[0]] }), 'GET /api/conversations': ok([]) });
    renderApp('/inbox');

    await screen.findByRole('heading', { name: 'Inbox' });
    expect(screen.getByText('Linen & Co')).toBeInTheDocument();
    expect(screen.queryByRole('combobox', { name: 'Business' })).not.toBeInTheDocument();
  });

  it('switches to another business: new session, its inbox', async () => {
    signIn();
    const fake = stubApi({
      'GET /api/me/businesses': ok(businesses),
      'GET /api/conversations': ok([]),
      'POST /api/auth/switch': ok(authResponse({ accessToken: 'eyJ.switched.token', business: { id: 'business-2', name: 'Bola Fabrics' } })),
    });
    renderApp('/settings/sessions');

    fireEvent.change(await screen.findByRole('combobox', { name: 'Business' }), { target: { value: 'business-2' } });

    await waitFor(() => expect(currentSession()?.business.id).toBe('business-2'));
    expect(fake.requestsTo('POST /api/auth/switch')[0]?.body).toEqual({ businessId: 'business-2' });
    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeInTheDocument();
  });

  it('says why a switch failed and stays', async () => {
    signIn();
    stubApi({
      'GET /api/me/businesses': ok(businesses),
      'GET /api/conversations': ok([]),
      'POST /api/auth/switch': problem(404, 'Business not found', { detail: 'There is no such business here.' }),
    });
    renderApp('/inbox');

    fireEvent.change(await screen.findByRole('combobox', { name: 'Business' }), { target: { value: 'business-2' } });

    expect(await screen.findByText(/Could not switch: .*no such business/)).toBeInTheDocument();
    expect(currentSession()?.business.id).toBe('business-1');
  });
});
