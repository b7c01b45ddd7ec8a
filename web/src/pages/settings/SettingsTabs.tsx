import { NavLink } from 'react-router-dom';
import { useRole } from '../../session/role';

/** The settings pages, one tab each (AI and Activity only for owners and admins: only they may read them). */
export function SettingsTabs() {
  const role = useRole();
  const canSeeActivity = role === 'OWNER' || role === 'ADMIN';
  const canSeeAi = canSeeActivity;
  return (
    <nav className="settings-tabs" aria-label="Settings">
      <NavLink to="/settings/payments">Payments</NavLink>
      {canSeeAi && <NavLink to="/settings/ai">AI</NavLink>}
      <NavLink to="/settings/knowledge">Knowledge</NavLink>
      <NavLink to="/settings/handoff">Handoff</NavLink>
      <NavLink to="/settings/comments">Comments</NavLink>
      <NavLink to="/settings/team">Team</NavLink>
      <NavLink to="/settings/sessions">Sessions</NavLink>
      <NavLink to="/settings/security">Security</NavLink>
      <NavLink to="/settings/business">Business</NavLink>
      {canSeeActivity && <NavLink to="/settings/activity">Activity</NavLink>}
      <NavLink to="/settings/privacy">Privacy</NavLink>
      <NavLink to="/settings/notifications">Notifications</NavLink>
    </nav>
  );
}
