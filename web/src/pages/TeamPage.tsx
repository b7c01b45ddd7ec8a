import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useNavigate } from 'react-router-dom';
import { api, describeError, type Invitation, type MemberRole, type TeamMember } from '../api';
import { Alert } from '../components/Alert';
import { CopyButton } from '../components/CopyButton';
import { Field, SelectField } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import { RelativeTime } from '../components/RelativeTime';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useRole, type Role } from '../session/role';
import { endSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

const roleLabels: Record<MemberRole, string> = { OWNER: 'Owner', ADMIN: 'Admin', AGENT: 'Agent' };

/**
 * The roles `actor` may give (the server's permission table): an OWNER any; an ADMIN only AGENT; an
 * AGENT none. An unreadable role offers all: the server still decides.
 */
export function assignableRoles(actor: Role | null): MemberRole[] {
  if (actor === 'AGENT') {
    return [];
  }
  return actor === 'ADMIN' ? ['AGENT'] : ['OWNER', 'ADMIN', 'AGENT'];
}

/**
 * Settings → Team: the business's members and roles; OWNERs and ADMINs invite (the accept link is
 * shown once to copy, and emailed to the invitee), revoke pending invitations, change roles
 * and remove members; anyone can leave. A member whose role changes or who is removed is signed out
 * of this business within seconds.
 */
export function TeamPage() {
  const session = useActiveSession();
  const role = useRole();
  const me = session?.user.id;
  const manages = role !== 'AGENT';
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const members = useQuery({ queryKey: queryKeys.members, queryFn: ({ signal }) => api.members({ signal }) });
  const invitations = useQuery({
    queryKey: queryKeys.invitations,
    queryFn: ({ signal }) => api.invitations({ signal }),
    enabled: manages,
  });
  const [actionError, setActionError] = useState<string | null>(null);
  const change = useMutation({ mutationFn: (run: () => Promise<void>) => run() });

  const act = async (run: () => Promise<void>, affectsMe: boolean) => {
    setActionError(null);
    try {
      await change.mutateAsync(run);
      if (affectsMe) {
        // My role changed or I left: this session of the business has ended on the server.
        endSession();
        navigate('/login', { replace: true });
        return;
      }
      await queryClient.invalidateQueries({ queryKey: queryKeys.members });
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
    } catch (error) {
      setActionError(describeError(error));
    }
  };

  const list = members.data?.members;
  const problem = pollErrorMessage(queryProblem(members));
  return (
    <section className="team-settings">
      <p className="eyebrow">Settings</p>
      <h1>Team</h1>
      <SettingsTabs />
      <p className="lead">Who works in this business, and what they may do.</p>
      {problem && <Alert>Could not load the team: {problem}</Alert>}
      {actionError && <Alert>Could not change the team: {actionError}</Alert>}
      {list === undefined && !problem && <p className="muted">Loading the team…</p>}
      {list && (
        <table aria-label="Members">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Joined</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {list.map((member) => (
              <MemberRow
                key={member.userId}
                member={member}
                me={member.userId === me}
                actor={role}
                busy={change.isPending}
                onRole={(next) => void act(() => api.changeMemberRole(member.userId, next), member.userId === me)}
                onRemove={() => void act(() => api.removeMember(member.userId), member.userId === me)}
              />
            ))}
          </tbody>
        </table>
      )}
      {manages && (
        <>
          <InviteForm actor={role} />
          <PendingInvitations
            invitations={invitations.data?.invitations}
            problem={pollErrorMessage(queryProblem(invitations))}
            busy={change.isPending}
            onRevoke={(invitation) => void act(() => api.revokeInvitation(invitation.id), false)}
          />
        </>
      )}
    </section>
  );
}

function MemberRow({
  member,
  me,
  actor,
  busy,
  onRole,
  onRemove,
}: {
  member: TeamMember;
  me: boolean;
  actor: Role | null;
  busy: boolean;
  onRole: (role: MemberRole) => void;
  onRemove: () => void;
}) {
  const roles = assignableRoles(actor);
  // An ADMIN never changes an OWNER; nobody but an OWNER removes one.
  const canChange = roles.length > 0 && (actor !== 'ADMIN' || member.role !== 'OWNER');
  const canRemove = !me && actor !== 'AGENT' && (actor !== 'ADMIN' || member.role !== 'OWNER');
  const options = Array.from(new Set<MemberRole>([member.role, ...roles]));
  return (
    <tr>
      <td>
        {member.email}
        {me && <span className="badge"> You</span>}
      </td>
      <td>
        {canChange ? (
          <select
            aria-label={`Role of ${member.email}`}
            value={member.role}
            disabled={busy}
            onChange={(event) => onRole(event.target.value as MemberRole)}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {roleLabels[option]}
              </option>
            ))}
          </select>
        ) : (
          roleLabels[member.role]
        )}
      </td>
      <td>
        <RelativeTime iso={member.joinedAt} />
      </td>
      <td>
        {me && (
          <button type="button" className="button-link" disabled={busy} onClick={onRemove}>
            Leave business
          </button>
        )}
        {canRemove && (
          <button type="button" className="button-link" disabled={busy} onClick={onRemove} aria-label={`Remove ${member.email}`}>
            Remove
          </button>
        )}
      </td>
    </tr>
  );
}

type InviteField = 'email' | 'role';

function InviteForm({ actor }: { actor: Role | null }) {
  const queryClient = useQueryClient();
  const roles = assignableRoles(actor);
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<MemberRole>('AGENT');
  const [errors, setErrors] = useState<FormErrors<InviteField>>(noErrors);
  const [created, setCreated] = useState<Invitation | null>(null);
  const invite = useMutation({ mutationFn: api.invite });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setErrors(noErrors);
    setCreated(null);
    try {
      const invitation = await invite.mutateAsync({ email, role });
      setCreated(invitation);
      setEmail('');
      await queryClient.invalidateQueries({ queryKey: queryKeys.invitations });
    } catch (error) {
      setErrors(formErrorsFrom(error, ['email', 'role'] as const));
    }
  };

  return (
    <form className="invite-form" onSubmit={submit} aria-label="Invite a member">
      <h2>Invite a member</h2>
      {errors.general && <Alert>{errors.general}</Alert>}
      <Field label="Email" type="email" value={email} onChange={setEmail} error={errors.fields.email} required />
      <SelectField
        label="Role"
        value={role}
        onChange={setRole}
        error={errors.fields.role}
        options={roles.map((value) => ({ value, label: roleLabels[value] }))}
      />
      <button type="submit" className="button-primary" disabled={invite.isPending}>
        Invite
      </button>
      {created?.acceptLink && (
        <Alert tone="success">
          Invitation for {created.email} created and emailed to them. You can also copy the link (it works once, for 7
          days). <code className="invite-link">{created.acceptLink}</code>{' '}
          <CopyButton text={created.acceptLink} label="Copy invite link" />
        </Alert>
      )}
    </form>
  );
}

function PendingInvitations({
  invitations,
  problem,
  busy,
  onRevoke,
}: {
  invitations: Invitation[] | undefined;
  problem: string | null;
  busy: boolean;
  onRevoke: (invitation: Invitation) => void;
}) {
  return (
    <>
      <h2>Pending invitations</h2>
      {problem && <Alert>Could not load the invitations: {problem}</Alert>}
      {invitations && invitations.length === 0 && <p className="muted">No pending invitations.</p>}
      {invitations && invitations.length > 0 && (
        <table aria-label="Pending invitations">
          <thead>
            <tr>
              <th scope="col">Email</th>
              <th scope="col">Role</th>
              <th scope="col">Expires</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invitations.map((invitation) => (
              <tr key={invitation.id}>
                <td>{invitation.email}</td>
                <td>{roleLabels[invitation.role]}</td>
                <td>
                  <RelativeTime iso={invitation.expiresAt} />
                </td>
                <td>
                  <button
                    type="button"
                    className="button-link"
                    disabled={busy}
                    onClick={() => onRevoke(invitation)}
                    aria-label={`Revoke invitation for ${invitation.email}`}
                  >
                    Revoke
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
