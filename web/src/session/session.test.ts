import {
  activeSession,
  currentSession,
  endSession,
  logOut,
  refreshSession,
  restoreSession,
  startSession,
} from './session';
import { authResponse } from '../test/fixtures';
import { ok, problem, stubApi } from '../test/fakeApi';

describe('session', () => {
  it('keeps the access token in memory only, with its expiry computed from expiresIn', () => {
    const now = Date.parse('2026-03-12T12:00:00Z');

    startSession(authResponse({ accessToken: 'token-abc', expiresIn: 900 }), now);

    expect(currentSession()).toMatchObject({ accessToken: 'token-abc', expiresAt: now + 900_000 });
    expect(window.sessionStorage.length).toBe(0);
    expect(window.localStorage.length).toBe(0);
  });

  it('treats a session past its expiry as no session', () => {
    const now = Date.parse('2026-03-12T12:00:00Z');
    startSession(authResponse({ expiresIn: 900 }), now);

    expect(activeSession(now + 899_000)).not.toBeNull();
    expect(activeSession(now + 900_000)).toBeNull();
  });

  it('forgets the token when the session ends', () => {
    startSession(authResponse());

    endSession();

    expect(currentSession()).toBeNull();
  });

  it('refreshes silently a minute before the access token expires', async () => {
    vi.useFakeTimers();
    const fake = stubApi({ 'POST /api/auth/refresh': ok(authResponse({ accessToken: 'renewed', expiresIn: 900 })) });
    startSession(authResponse({ accessToken: 'first', expiresIn: 900 }));

    await vi.advanceTimersByTimeAsync(830_000);
    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(15_000);

    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
    expect(currentSession()?.accessToken).toBe('renewed');
  });

  it('retries once when another tab rotated the refresh cookie a moment earlier (409)', async () => {
    const fake = stubApi({
      'POST /api/auth/refresh': [problem(409, 'Refresh token already rotated'), ok(authResponse({ accessToken: 'after-race' }))],
    });

    const session = await refreshSession();

    expect(session?.accessToken).toBe('after-race');
    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(2);
  });

  it('restores the session from the refresh cookie after a page load, once', async () => {
    const fake = stubApi({ 'POST /api/auth/refresh': ok(authResponse({ accessToken: 'restored' })) });

    await restoreSession();
    await restoreSession();

    expect(currentSession()?.accessToken).toBe('restored');
    expect(fake.requestsTo('POST /api/auth/refresh')).toHaveLength(1);
  });

  it('stays signed out when the refresh cookie is refused', async () => {
    stubApi({ 'POST /api/auth/refresh': problem(401, 'Invalid refresh token') });

    await expect(restoreSession()).resolves.toBeNull();

    expect(currentSession()).toBeNull();
  });

  it('logs out on the server with the access token, and forgets the session at once', async () => {
    const fake = stubApi({ 'POST /api/auth/logout': { status: 204 } });
    startSession(authResponse({ accessToken: 'token-abc' }));

    const done = logOut();
    expect(currentSession()).toBeNull();
    await done;

    expect(fake.requestsTo('POST /api/auth/logout')[0]?.headers.authorization).toBe('Bearer token-abc');
  });
});
