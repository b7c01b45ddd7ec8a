import { fireEvent, screen } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { authResponse, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const token = 'A'.repeat(43);
const joined = authResponse({
  accessToken: 'eyJ.joined.token',
  user: { id: 'user-7', email: 'chidi@shop.example' },
  business: { id: 'business-2', name: 'Bola Fabrics' },
});

describe('AcceptInvitationPage', () => {
  it('a new member sets a password, joins and is signed in to that business', async () => {
    const fake = stubApi({ 'POST /api/invitations/accept': ok(joined), 'GET /api/conversations': ok([]) });
    const { location } = renderApp(`/invite?token=${token}`);

    fireEvent.change(await screen.findByLabelText(/Password/), { target: { value: 'linen-Shirts-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    await screen.findByRole('heading', { name: 'Inbox' });
    expect(location()).toBe('/inbox');
    expect(currentSession()?.business.name).toBe('Bola Fabrics');
    const [request] = fake.requestsTo('POST /api/invitations/accept');
    expect(request?.body).toEqual({ token, password: 'linen-Shirts-2026' });
    expect(request?.headers.authorization).toBeUndefined();
  });

  it('a signed-in user accepts as themselves, with their token', async () => {
    signIn();
    const fake = stubApi({ 'POST /api/invitations/accept': ok(joined), 'GET /api/conversations': ok([]) });
    renderApp(`/invite?token=${token}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Accept as ada@shop.example' }));

    await screen.findByRole('heading', { name: 'Inbox' });
    const [request] = fake.requestsTo('POST /api/invitations/accept');
    expect(request?.body).toEqual({ token });
    expect(request?.headers.authorization).toBe('Bearer eyJ.test.token');
  });

  it('a signed-in user of another address is told to log in as the invited account', async () => {
    signIn();
    stubApi({ 'POST /api/invitations/accept': problem(401, 'Sign-in required') });
    renderApp(`/invite?token=${token}`);

    fireEvent.click(await screen.findByRole('button', { name: 'Accept as ada@shop.example' }));

    expect(await screen.findByText(/This invitation is for another address: log in as that account/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in to accept' })).toHaveAttribute('href', '/login');
  });

  it('an address that already has an account cannot join with its password: it logs in first', async () => {
    stubApi({ 'POST /api/invitations/accept': problem(401, 'Sign-in required') });
    renderApp(`/invite?token=${token}`);

    fireEvent.change(await screen.findByLabelText(/Password/), { target: { value: 'linen-Shirts-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText(/already has a Sellavie account: log in as it/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Log in to accept' })).toBeInTheDocument();
    expect(currentSession()).toBeNull();
  });

  it('says why a used, expired or revoked link cannot be accepted', async () => {
    stubApi({
      'POST /api/invitations/accept': problem(422, 'Invitation expired', {
        detail: 'This invitation has expired. Ask for a new one.',
        reason: 'expired',
      }),
    });
    renderApp(`/invite?token=${token}`);

    fireEvent.change(await screen.findByLabelText(/Password/), { target: { value: 'linen-Shirts-2026' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText(/This invitation has expired\. Ask for a new one\./)).toBeInTheDocument();
    expect(currentSession()).toBeNull();
  });

  it('shows the password policy\'s message under the field', async () => {
    stubApi({
      'POST /api/invitations/accept': problem(400, 'Invalid input', { errors: { password: 'must be at least 10 characters' } }),
    });
    renderApp(`/invite?token=${token}`);

    fireEvent.change(await screen.findByLabelText(/Password/), { target: { value: 'short' } });
    fireEvent.click(screen.getByRole('button', { name: 'Accept invitation' }));

    expect(await screen.findByText('must be at least 10 characters')).toBeInTheDocument();
  });
});
