import { fireEvent, screen } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

describe('CommentSettingsPage', () => {
  it('shows private replies off as stored, and an owner turns them on', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/comments/settings': ok({ privateReplies: false }),
      'PUT /api/comments/settings': ok({ privateReplies: true }),
    });
    renderApp('/settings/comments');

    const toggle = await screen.findByLabelText('Answer comments with a private message');
    expect(toggle).not.toBeChecked();

    fireEvent.click(toggle);
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Saved.')).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/comments/settings')[0]?.body).toEqual({ privateReplies: true });
    expect(screen.getByLabelText('Answer comments with a private message')).toBeChecked();
  });

  it('lets an agent see the setting but not change it', async () => {
    signInAs('AGENT');
    const fake = stubApi({ 'GET /api/comments/settings': ok({ privateReplies: true }) });
    renderApp('/settings/comments');

    const toggle = await screen.findByLabelText('Answer comments with a private message');
    expect(toggle).toBeChecked();
    expect(toggle).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change these settings.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/comments/settings')).toHaveLength(0);
  });

  it('says why when the server refuses the change, and keeps what the owner chose', async () => {
    signInAs('ADMIN');
    stubApi({
      'GET /api/comments/settings': ok({ privateReplies: false }),
      'PUT /api/comments/settings': problem(403, 'Forbidden', { detail: 'Only owners and admins change settings.' }),
    });
    renderApp('/settings/comments');

    fireEvent.click(await screen.findByLabelText('Answer comments with a private message'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByRole('alert')).toHaveTextContent(/owners and admins/i);
    expect(screen.getByLabelText('Answer comments with a private message')).toBeChecked();
  });

  it('is a tab beside Handoff', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/comments/settings': ok({ privateReplies: false }), 'GET /api/handoff/settings': ok({ keywords: ['agent'], quietPeriodMinutes: 120 }) });
    renderApp('/settings/comments');

    fireEvent.click(await screen.findByRole('link', { name: 'Handoff' }));

    expect(await screen.findByRole('heading', { name: 'Handoff' })).toBeInTheDocument();
  });
});
