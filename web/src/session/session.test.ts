import { activeSession, currentSession, endSession, resetSessionCacheForTests, startSession } from './session';
import { authResponse } from '../test/fixtures';

describe('session', () => {
  it('keeps the token in sessionStorage (not localStorage) with its expiry computed from expiresIn', () => {
    const now = Date.parse('2026-03-12T12:00:00Z');

    startSession(authResponse({ accessToken: 'token-abc', expiresIn: 900 }), now);

    resetSessionCacheForTests();
    expect(currentSession()).toMatchObject({ accessToken: 'token-abc', expiresAt: now + 900_000 });
    expect(window.sessionStorage.getItem('sellavie.session')).toContain('token-abc');
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
    expect(window.sessionStorage.getItem('sellavie.session')).toBeNull();
  });

  it('reads unreadable stored data as signed out', () => {
    window.sessionStorage.setItem('sellavie.session', '{not json');

    expect(currentSession()).toBeNull();
  });
});
