import { fireEvent, screen } from '@testing-library/react';
import { currentSession, startSession } from './session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { authResponse, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('route guard and 401 handling', () => {
  it.each(['/inbox', '/inbox/c-1', '/channels', '/notifications'])('sends a signed-out visitor of %s to log-in', async (path) => {
    const fake = stubApi({ 'POST /api/auth/refresh': problem(401, 'Invalid refresh token') });
    const { location } = renderApp(path);

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
    expect(screen.getByText('Please log in to continue.')).toBeInTheDocument();
    // Only the attempt to restore a session from the refresh cookie; no API call without a token.
    expect(fake.requests.map((request) => `${request.method} ${request.path}`)).toEqual(['POST /api/auth/refresh']);
  });

  it('after a page load restores the session from the refresh cookie and stays on the page', async () => {
    stubApi({
      'POST /api/auth/refresh': ok(authResponse({ accessToken: 'restored' })),
      'GET /api/channels': ok([]),
    });
    const { location } = renderApp('/channels');

    expect(await screen.findByRole('heading', { name: 'Channels' })).toBeInTheDocument();
    expect(location()).toBe('/channels');
    expect(currentSession()?.accessToken).toBe('restored');
  });

  it('treats an expired token as signed out', async () => {
    startSession(authResponse({ expiresIn: 60 }), Date.now() - 120_000);
    stubApi({});
    const { location } = renderApp('/inbox');

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
  });

  it.each([
    ['/inbox', 'GET /api/conversations'],
    ['/inbox/c-1', 'GET /api/conversations/c-1/messages'],
    ['/channels', 'GET /api/channels'],
    ['/notifications', 'GET /api/notifications'],
  ])('goes to log-in and forgets the token when a call on %s answers 401', async (path, route) => {
    signIn();
    stubApi({ [route]: problem(401, 'Unauthorized'), 'GET /api/conversations': problem(401, 'Unauthorized') });
    const { location } = renderApp(path);

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
  });

  it('goes to log-in when submitting the connect form answers 401', async () => {
    signIn();
    stubApi({ 'GET /api/channels': ok([]), 'POST /api/channels': problem(401, 'Unauthorized') });
    const { location } = renderApp('/channels');
    await screen.findByText('No channel connected yet.');

    fireEvent.change(screen.getByLabelText('Instagram account id'), { target: { value: '1784' } });
    fireEvent.change(screen.getByLabelText('Channel name'), { target: { value: 'Shop' } });
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'EAABtoken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
  });

  it('returns to the page the visitor wanted after logging in', async () => {
    stubApi({ 'POST /api/auth/login': ok(authResponse()), 'GET /api/channels': ok([]) });
    const { location } = renderApp('/channels');
    await screen.findByRole('heading', { name: 'Log in' });

    fireEvent.change(screen.getByLabelText('Email'), { target: { value: 'ada@shop.example' } });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'correct horse battery' } });
    fireEvent.click(screen.getByRole('button', { name: 'Log in' }));

    expect(await screen.findByRole('heading', { name: 'Channels' })).toBeInTheDocument();
    expect(location()).toBe('/channels');
  });
});
