import { NavLink, Outlet, useNavigate } from 'react-router-dom';
import { LiveIndicator } from '../live/LiveUpdates';
import { BusinessSwitcher } from './BusinessSwitcher';
import { logOut as endServerSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';

export const signedInNavigation = [
  { to: '/inbox', label: 'Inbox' },
  { to: '/attention', label: 'Needs attention' },
  { to: '/orders', label: 'Orders' },
  { to: '/invoices', label: 'Invoices' },
  { to: '/revenue', label: 'Revenue' },
  { to: '/catalog', label: 'Catalog' },
  { to: '/channels', label: 'Channels' },
  { to: '/try-assistant', label: 'Try your assistant' },
  { to: '/notifications', label: 'Notifications' },
  { to: '/settings', label: 'Settings' },
] as const;

export const signedOutNavigation = [
  { to: '/login', label: 'Log in' },
  { to: '/signup', label: 'Sign up' },
] as const;

/** The frame every console page renders in: the Sellavie header, the navigation, the page. */
export function ConsoleLayout() {
  const session = useActiveSession();
  const navigate = useNavigate();
  const navigation = session ? signedInNavigation : signedOutNavigation;

  const logOut = () => {
    // Ends the session here at once; the server call (revocation, cookie cleared) finishes in the background.
    void endServerSession();
    navigate('/login', { replace: true });
  };

  return (
    <div className="console">
      <header className="console-header">
        <NavLink to="/" className="brand" end>
          Sellavie
        </NavLink>
        <nav aria-label="Main">
          <ul>
            {navigation.map((item) => (
              <li key={item.to}>
                <NavLink to={item.to}>{item.label}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
        {session && (
          <div className="account">
            <LiveIndicator />
            <BusinessSwitcher session={session} />
            <button type="button" className="button-link" onClick={logOut}>
              Log out
            </button>
          </div>
        )}
      </header>
      <main className="console-main">
        <Outlet />
      </main>
    </div>
  );
}
