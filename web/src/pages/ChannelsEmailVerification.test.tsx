import { fireEvent, screen } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { authResponse, signIn, tokenWithClaims } from '../test/fixtures';
import { renderApp } from '../test/renderApp';
import { currentSession } from '../session/session';

const banner = 'Confirm your email address to connect a channel. We sent a link to ada@shop.example.';

function signInUnverified() {
  signIn({ accessToken: tokenWithClaims({ role: 'OWNER', email_verified: false }) });
}

describe('Channels page before the email address is confirmed', () => {
  it('explains why, names the address and disables every way to connect', async () => {
    signInUnverified();
    stubApi({
      'GET /api/channels': ok([]),
      'GET /api/channels/facebook': ok({ configured: true, detail: null }),
    });
    renderApp('/channels');

    expect(await screen.findByText(/We sent a link to/)).toHaveTextContent(banner);
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Connect with Facebook' })).toBeDisabled();
    expect(screen.getByRole('button', { name: 'Connect' })).toHaveAccessibleDescription(new RegExp(banner.replace(/\./g, '\\.')));
  });

  it('sends the link again and says so', async () => {
    signInUnverified();
    const fake = stubApi({ 'GET /api/channels': ok([]), 'POST /api/auth/email-verification/resend': { status: 204 } });
    renderApp('/channels');

    fireEvent.click(await screen.findByRole('button', { name: 'Send the link again' }));

    expect(await screen.findByText(/^Sent\./)).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/auth/email-verification/resend')).toHaveLength(1);
  });

  it('asks to wait a minute when a link was just sent (429)', async () => {
    signInUnverified();
    stubApi({
      'GET /api/channels': ok([]),
      'POST /api/auth/email-verification/resend': {
        ...problem(429, 'Too many emails'),
        headers: { 'Retry-After': '42' },
      },
    });
    renderApp('/channels');

    fireEvent.click(await screen.findByRole('button', { name: 'Send the link again' }));

    expect(await screen.findByText(/wait a minute \(42 s\)/)).toBeInTheDocument();
  });

  it('shows the same message when the server refuses with EMAIL_NOT_VERIFIED', async () => {
    signIn({ accessToken: tokenWithClaims({ role: 'OWNER' }) });
    const fake = stubApi({
      'GET /api/channels': ok([]),
      'POST /api/channels': problem(403, 'Confirm your email address before connecting a channel', {
        code: 'EMAIL_NOT_VERIFIED',
      }),
    });
    renderApp('/channels');
    expect(await screen.findByText('No channel connected yet.')).toBeInTheDocument();
    expect(screen.queryByText(/We sent a link to/)).not.toBeInTheDocument();

    fireEvent.change(screen.getByLabelText('Instagram account id'), { target: { value: '17841400000000000' } });
    fireEvent.change(screen.getByLabelText('Access token'), { target: { value: 'EAABtoken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Connect' }));

    expect(await screen.findByText(/We sent a link to/)).toHaveTextContent(banner);
    expect(screen.getByRole('button', { name: 'Connect' })).toBeDisabled();
    expect(fake.requestsTo('POST /api/channels')).toHaveLength(1);
  });

  it('shows nothing of it once the token says the address is confirmed', async () => {
    signIn({ accessToken: tokenWithClaims({ role: 'OWNER', email_verified: true }) });
    stubApi({ 'GET /api/channels': ok([]) });
    renderApp('/channels');

    expect(await screen.findByText('No channel connected yet.')).toBeInTheDocument();
    expect(screen.queryByText(/We sent a link to/)).not.toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Connect' })).toBeEnabled();
  });
});

describe('Verify-email page, signed in', () => {
  it('renews the session so the new token says the address is confirmed', async () => {
    signInUnverified();
    const verified = tokenWithClaims({ role: 'OWNER', email_verified: true });
    const fake = stubApi({
      'POST /api/auth/email-verification': { status: 204 },
      'POST /api/auth/refresh': ok(authResponse({ accessToken: verified })),
    });
    renderApp('/verify-email?token=abc_DEF-123');

    expect(await screen.findByText('Your email address is confirmed. You can now connect your channels.')).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(currentSession()?.accessToken).toBe(verified);
    expect(screen.getByRole('link', { name: 'Go to Channels' })).toHaveAttribute('href', '/channels');
  });

  it('opened from the email on a page load, restores the session from the refresh cookie', async () => {
    const verified = tokenWithClaims({ role: 'OWNER', email_verified: true });
    const fake = stubApi({
      'POST /api/auth/email-verification': { status: 204 },
      'POST /api/auth/refresh': ok(authResponse({ accessToken: verified })),
    });
    renderApp('/verify-email?token=abc_DEF-123');

    expect(await screen.findByRole('link', { name: 'Go to Channels' })).toHaveAttribute('href', '/channels');
    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(currentSession()?.accessToken).toBe(verified);
  });
});
