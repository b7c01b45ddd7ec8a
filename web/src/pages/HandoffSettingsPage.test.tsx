import { fireEvent, screen } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const stored = { keywords: ['agent', 'human', 'talk to a person'], quietPeriodMinutes: 120 };

describe('HandoffSettingsPage', () => {
  it('shows the stored words and quiet period, and an owner saves new ones as the server normalises them', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/handoff/settings': ok(stored),
      'PUT /api/handoff/settings': ok({ keywords: ['agent', 'speak to someone'], quietPeriodMinutes: 45 }),
    });
    renderApp('/settings/handoff');

    const words = await screen.findByLabelText('Words that ask for a person');
    expect(words).toHaveValue('agent\nhuman\ntalk to a person');
    expect(screen.getByLabelText('Quiet period (minutes)')).toHaveValue('120');

    fireEvent.change(words, { target: { value: ' agent \n\nSpeak to someone\n' } });
    fireEvent.change(screen.getByLabelText('Quiet period (minutes)'), { target: { value: '45' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/handoff/settings')[0]?.body).toEqual({
      keywords: ['agent', 'Speak to someone'],
      quietPeriodMinutes: 45,
    });
    expect(screen.getByLabelText('Words that ask for a person')).toHaveValue('agent\nspeak to someone');
  });

  it('refuses an empty word list or a quiet period out of range before calling the server', async () => {
    signInAs('ADMIN');
    const fake = stubApi({ 'GET /api/handoff/settings': ok(stored) });
    renderApp('/settings/handoff');

    fireEvent.change(await screen.findByLabelText('Words that ask for a person'), { target: { value: '  \n ' } });
    fireEvent.change(screen.getByLabelText('Quiet period (minutes)'), { target: { value: '0' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('Give at least one word or phrase.')).toBeInTheDocument();
    expect(screen.getByText('Whole minutes, from 1 to 10080 (7 days).')).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/handoff/settings')).toHaveLength(0);
  });

  it("shows the server's field errors", async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/handoff/settings': ok(stored),
      'PUT /api/handoff/settings': problem(400, 'Bad Request', { errors: { keywords: 'a keyword is at most 64 characters' } }),
    });
    renderApp('/settings/handoff');

    fireEvent.click(await screen.findByRole('button', { name: 'Save' }));

    expect(await screen.findByText('a keyword is at most 64 characters')).toBeInTheDocument();
  });

  it('lets an agent read the settings but not change them', async () => {
    signInAs('AGENT');
    const fake = stubApi({ 'GET /api/handoff/settings': ok(stored) });
    renderApp('/settings/handoff');

    expect(await screen.findByLabelText('Words that ask for a person')).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change these settings.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/handoff/settings')).toHaveLength(0);
  });

  it('is a tab beside Payments', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/handoff/settings': ok(stored), 'GET /api/payments/providers': ok([]) });
    renderApp('/settings/handoff');

    fireEvent.click(await screen.findByRole('link', { name: 'Payments' }));

    expect(await screen.findByRole('heading', { name: 'Payments' })).toBeInTheDocument();
  });
});
