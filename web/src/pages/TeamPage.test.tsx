import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const owner = { userId: 'user-1', email: 'ada@shop.example', role: 'OWNER', joinedAt: '2026-11-01T10:00:00Z' };
const agent = { userId: 'user-2', email: 'bola@shop.example', role: 'AGENT', joinedAt: '2026-11-02T10:00:00Z' };
const pending = {
  id: 'inv-1',
  email: 'chidi@shop.example',
  role: 'AGENT',
  invitedBy: 'user-1',
  createdAt: '2026-11-30T10:00:00Z',
  expiresAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
};

describe('TeamPage', () => {
  it('lists the members with their roles, me marked', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/members': ok({ members: [owner, agent] }), 'GET /api/invitations': ok({ invitations: [] }) });
    renderApp('/settings/team');

    const table = await screen.findByRole('table', { name: 'Members' });
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent('ada@shop.example');
    expect(rows[0]).toHaveTextContent('You');
    expect(within(rows[1]!).getByRole('combobox', { name: 'Role of bola@shop.example' })).toHaveValue('AGENT');
    expect(screen.getByRole('link', { name: 'Team' })).toBeInTheDocument();
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();
  });

  it('invites a member and shows the accept link to copy once', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/members': ok({ members: [owner] }),
      'GET /api/invitations': [ok({ invitations: [] }), ok({ invitations: [pending] })],
      'POST /api/invitations': {
        status: 201,
        body: { ...pending, acceptLink: 'http://localhost:8080/invite?token=abc' },
      },
    });
    renderApp('/settings/team');

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'chidi@shop.example' } });
    fireEvent.change(screen.getByLabelText('Role'), { target: { value: 'AGENT' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));

    expect(await screen.findByText('http://localhost:8080/invite?token=abc')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Copy invite link' })).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/invitations')[0]?.body).toEqual({ email: 'chidi@shop.example', role: 'AGENT' });
    const invitations = await screen.findByRole('table', { name: 'Pending invitations' });
    expect(invitations).toHaveTextContent('chidi@shop.example');
  });

  it('shows the server\'s field error under the email', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/members': ok({ members: [owner] }),
      'GET /api/invitations': ok({ invitations: [] }),
      'POST /api/invitations': problem(400, 'Invalid input', { errors: { email: 'must look like name@domain.tld' } }),
    });
    renderApp('/settings/team');

    fireEvent.change(await screen.findByLabelText('Email'), { target: { value: 'nope@x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Invite' }));

    expect(await screen.findByText('must look like name@domain.tld')).toBeInTheDocument();
  });

  it('an ADMIN may invite only agents', async () => {
    signInAs('ADMIN');
    stubApi({ 'GET /api/members': ok({ members: [owner, agent] }), 'GET /api/invitations': ok({ invitations: [] }) });
    renderApp('/settings/team');

    const role = await screen.findByLabelText('Role');
    expect(within(role).getAllByRole('option').map((option) => option.textContent)).toEqual(['Agent']);
    // An ADMIN never changes or removes an OWNER.
    const rows = within(await screen.findByRole('table', { name: 'Members' })).getAllByRole('row').slice(1);
    expect(within(rows[0]!).queryByRole('combobox')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Remove ada@shop.example' })).not.toBeInTheDocument();
  });

  it('revokes a pending invitation, changes a role and removes a member', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      // After each change the list is read again: revoked, role changed, removed.
      'GET /api/members': [
        ok({ members: [owner, agent] }),
        ok({ members: [owner, agent] }),
        ok({ members: [owner, { ...agent, role: 'ADMIN' }] }),
        ok({ members: [owner] }),
      ],
      'GET /api/invitations': [ok({ invitations: [pending] }), ok({ invitations: [] })],
      'DELETE /api/invitations/inv-1': { status: 204 },
      'PATCH /api/members/user-2': { status: 204 },
      'DELETE /api/members/user-2': { status: 204 },
    });
    renderApp('/settings/team');

    fireEvent.click(await screen.findByRole('button', { name: 'Revoke invitation for chidi@shop.example' }));
    expect(await screen.findByText('No pending invitations.')).toBeInTheDocument();

    fireEvent.change(screen.getByRole('combobox', { name: 'Role of bola@shop.example' }), { target: { value: 'ADMIN' } });
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Role of bola@shop.example' })).toHaveValue('ADMIN'));
    expect(fake.requestsTo('PATCH /api/members/user-2')[0]?.body).toEqual({ role: 'ADMIN' });

    fireEvent.click(screen.getByRole('button', { name: 'Remove bola@shop.example' }));
    await waitFor(() => expect(screen.queryByText('bola@shop.example')).not.toBeInTheDocument());
    expect(fake.requestsTo('DELETE /api/members/user-2')).toHaveLength(1);
    expect(currentSession()).not.toBeNull();
  });

  it('says why the last owner cannot leave, and an agent leaving is signed out', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/members': ok({ members: [owner] }),
      'GET /api/invitations': ok({ invitations: [] }),
      'DELETE /api/members/user-1': problem(409, 'Last owner', { detail: 'A business keeps at least one OWNER: make someone else an OWNER first.' }),
    });
    renderApp('/settings/team');

    fireEvent.click(await screen.findByRole('button', { name: 'Leave business' }));

    expect(await screen.findByText(/A business keeps at least one OWNER/)).toBeInTheDocument();
    expect(currentSession()).not.toBeNull();
  });

  it('an agent sees the team without management controls, and leaving signs them out', async () => {
    signInAs('AGENT');
    const fake = stubApi({
      'GET /api/members': ok({ members: [{ ...owner, userId: 'user-9' }, { ...agent, userId: 'user-1' }] }),
      'DELETE /api/members/user-1': { status: 204 },
    });
    const { location } = renderApp('/settings/team');

    await screen.findByRole('table', { name: 'Members' });
    expect(screen.queryByRole('form', { name: 'Invite a member' })).not.toBeInTheDocument();
    expect(screen.queryByRole('combobox')).not.toBeInTheDocument();
    expect(fake.requestsTo('GET /api/invitations')).toHaveLength(0);

    fireEvent.click(screen.getByRole('button', { name: 'Leave business' }));

    expect(await screen.findByRole('heading', { name: 'Log in' })).toBeInTheDocument();
    expect(location()).toBe('/login');
    expect(currentSession()).toBeNull();
  });
});
