import { tokenWithRole, signIn, authResponse } from '../test/fixtures';
import { canManageCommerce, roleOf } from './role';
import { currentSession, startSession } from './session';

describe('role', () => {
  it('reads the role claim from the access token', () => {
    startSession(authResponse({ accessToken: tokenWithRole('ADMIN') }));

    expect(roleOf(currentSession())).toBe('ADMIN');
  });

  it('knows no role for a token it cannot read, or an unknown role', () => {
    signIn({ accessToken: 'not-a-jwt' });
    expect(roleOf(currentSession())).toBeNull();

    signIn({ accessToken: tokenWithRole('SUPERUSER') });
    expect(roleOf(currentSession())).toBeNull();

    expect(roleOf(null)).toBeNull();
  });

  it('offers commerce changes to owners and admins, not to agents', () => {
    expect(canManageCommerce('OWNER')).toBe(true);
    expect(canManageCommerce('ADMIN')).toBe(true);
    expect(canManageCommerce('AGENT')).toBe(false);
  });
});
