import { NavLink, Outlet } from 'react-router-dom';

export const navigation = [
  { to: '/inbox', label: 'Inbox' },
  { to: '/login', label: 'Log in' },
  { to: '/signup', label: 'Sign up' },
] as const;

/** The frame every console page renders in: the Sellavie header, the navigation, the page. */
export function ConsoleLayout() {
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
      </header>
      <main className="console-main">
        <Outlet />
      </main>
    </div>
  );
}
