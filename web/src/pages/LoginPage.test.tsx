import { fireEvent, screen } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { authResponse } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

function logIn(email: string, password: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Log in' }));
}

describe('LoginPage', () => {
  it('says the email or password is wrong on 401 and stays on log-in', async () => {
    stubApi({ 'POST /api/auth/login': problem(401, 'Unauthorized', { detail: 'Bad credentials' }) });
    const { location } = renderApp('/login');

    logIn('ada@shop.example', 'wrong-password');

    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password.');
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
  });

  it('says how long to wait when log-in is throttled (429 Retry-After)', async () => {
    stubApi({
      'POST /api/auth/login': { ...problem(429, 'Too many attempts', { detail: 'Too many failed log-ins. Try again later.' }), headers: { 'Retry-After': '900' } },
    });
    const { location } = renderApp('/login');

    logIn('ada@shop.example', 'linen-Shirts-2026');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many failed log-ins. Try again in 15 minutes.');
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
  });

  it('counts a short wait in seconds', async () => {
    stubApi({ 'POST /api/auth/login': { ...problem(429, 'Too many attempts'), headers: { 'Retry-After': '2' } } });
    renderApp('/login');

    logIn('ada@shop.example', 'linen-Shirts-2026');

    expect(await screen.findByRole('alert')).toHaveTextContent('Try again in 2 seconds.');
  });

  it('stores the token and opens the inbox', async () => {
    const fake = stubApi({
      'POST /api/auth/login': ok(authResponse({ accessToken: 'login-token' })),
      'GET /api/conversations': ok([]),
    });
    const { location } = renderApp('/login');

    logIn('ada@shop.example', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeInTheDocument();
    expect(location()).toBe('/inbox');
    expect(fake.requestsTo('POST /api/auth/login')[0]?.body).toEqual({ email: 'ada@shop.example', password: 'correct horse battery' });
    expect(currentSession()?.accessToken).toBe('login-token');
  });
});

describe('LoginPage with two-factor authentication', () => {
  it('asks for the code after the password and signs in with it', async () => {
    const fake = stubApi({
      'POST /api/auth/login': ok({ mfaRequired: true, challenge: 'challenge-1', expiresIn: 300 }),
      'POST /api/auth/mfa': ok(authResponse({ accessToken: 'mfa-token' })),
      'GET /api/conversations': ok([]),
    });
    const { location } = renderApp('/login');

    logIn('ada@shop.example', 'correct horse battery');

    expect(await screen.findByRole('heading', { name: 'Two-factor authentication' })).toBeInTheDocument();
    expect(currentSession()).toBeNull();
    fireEvent.change(screen.getByLabelText('Authentication code'), { target: { value: ' 123456 ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));

    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeInTheDocument();
    expect(location()).toBe('/inbox');
    expect(fake.requestsTo('POST /api/auth/mfa')[0]?.body).toEqual({ challenge: 'challenge-1', code: '123456' });
    expect(currentSession()?.accessToken).toBe('mfa-token');
  });

  it('lets the member retry a wrong code, and sends them back to the password when the challenge is over', async () => {
    stubApi({
      'POST /api/auth/login': ok({ mfaRequired: true, challenge: 'challenge-1', expiresIn: 300 }),
      'POST /api/auth/mfa': [problem(401, 'Invalid code'), problem(401, 'Invalid challenge')],
    });
    const { location } = renderApp('/login');
    logIn('ada@shop.example', 'correct horse battery');
    await screen.findByRole('heading', { name: 'Two-factor authentication' });

    fireEvent.change(screen.getByLabelText('Authentication code'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('wrong or was already used');

    fireEvent.change(screen.getByLabelText('Authentication code'), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Verify' }));
    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('expired');
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
  });
});
