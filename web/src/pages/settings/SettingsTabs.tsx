import { NavLink } from 'react-router-dom';

/** The settings pages, one tab each. */
export function SettingsTabs() {
  return (
    <nav className="settings-tabs" aria-label="Settings">
      <NavLink to="/settings/payments">Payments</NavLink>
      <NavLink to="/settings/handoff">Handoff</NavLink>
      <NavLink to="/settings/comments">Comments</NavLink>
      <NavLink to="/settings/team">Team</NavLink>
      <NavLink to="/settings/sessions">Sessions</NavLink>
      <NavLink to="/settings/security">Security</NavLink>
      <NavLink to="/settings/notifications">Notifications</NavLink>
    </nav>
  );
}
