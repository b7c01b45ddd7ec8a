import { fireEvent, screen, within } from '@testing-library/react';
import type { AiSettings } from '../api';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const available = [
  { name: 'offline', kind: 'offline', defaultModel: null, platformKey: false, needsKey: false },
  { name: 'anthropic', kind: 'anthropic', defaultModel: 'claude-haiku-4-5', platformKey: false, needsKey: true },
  { name: 'groq', kind: 'groq', defaultModel: 'llama-3.3-70b-versatile', platformKey: false, needsKey: true },
  { name: 'openai', kind: 'openai', defaultModel: 'gpt-4o-mini', platformKey: true, needsKey: true },
];

const stored: AiSettings = {
  custom: true,
  providers: [
    { name: 'openai', kind: 'openai', model: 'gpt-4o-mini', apiKey: null, ownKey: false },
    { name: 'anthropic', kind: 'anthropic', model: 'claude-sonnet-4-5', apiKey: 'sk-…wxyz', ownKey: true },
    { name: 'offline', kind: 'offline', model: null, apiKey: null, ownKey: false },
  ],
  temperature: 0.4,
  maxReplyTokens: 300,
  tone: 'Warm and brief.',
  languagePolicy: 'CUSTOMER',
  fixedLanguage: null,
  channels: { INSTAGRAM: true, MESSENGER: true, WHATSAPP: false },
  available,
  updatedAt: '2026-11-30T10:00:00Z',
  monthlyBudgetUsd: 40,
  onBudget: 'HANDOFF',
  budgetModel: null,
};

describe('AiSettingsPage', () => {
  it('shows the stored settings with the key masked, and saves a new order, key, style and channels', async () => {
    signInAs('OWNER');
    const fake = stubApi({ 'GET /api/ai/settings': ok(stored), 'PUT /api/ai/settings': ok({ ...stored, tone: 'Playful.' }) });
    renderApp('/settings/ai');

    const anthropic = await screen.findByRole('listitem', { name: 'Provider anthropic' });
    expect(within(anthropic).getByLabelText('Model for anthropic')).toHaveValue('claude-sonnet-4-5');
    expect(within(anthropic).getByText(/Your key sk-…wxyz is stored/)).toBeInTheDocument();
    expect(within(anthropic).getByLabelText('API key for anthropic')).toHaveValue('');
    expect(screen.getByLabelText('Temperature (0 to 2)')).toHaveValue('0.4');
    expect(screen.getByLabelText('Answer on WhatsApp')).not.toBeChecked();

    fireEvent.click(within(anthropic).getByRole('button', { name: 'Move anthropic up' }));
    fireEvent.change(screen.getByLabelText('API key for openai'), { target: { value: 'sk-proj-new-0123456789' } });
    fireEvent.change(screen.getByLabelText('Model for openai'), { target: { value: 'gpt-4.1' } });
    fireEvent.change(screen.getByLabelText('Temperature (0 to 2)'), { target: { value: '0.7' } });
    fireEvent.change(screen.getByLabelText('Tone and persona'), { target: { value: ' Playful. ' } });
    fireEvent.change(screen.getByLabelText('Reply language'), { target: { value: 'FIXED' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'fr' } });
    fireEvent.click(screen.getByLabelText('Answer on WhatsApp'));
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/settings')[0]?.body).toEqual({
      providers: [
        { name: 'anthropic', model: 'claude-sonnet-4-5', apiKey: null, clearKey: false },
        { name: 'openai', model: 'gpt-4.1', apiKey: 'sk-proj-new-0123456789', clearKey: false },
        { name: 'offline', model: null, apiKey: null, clearKey: false },
      ],
      temperature: 0.7,
      maxReplyTokens: 300,
      tone: 'Playful.',
      languagePolicy: 'FIXED',
      fixedLanguage: 'fr',
      channels: { INSTAGRAM: true, MESSENGER: true, WHATSAPP: true },
      monthlyBudgetUsd: 40,
      onBudget: 'HANDOFF',
      budgetModel: null,
    });
  });

  it('saves a monthly budget with a cheaper model, and removes it when emptied', async () => {
    signInAs('OWNER');
    const fake = stubApi({ 'GET /api/ai/settings': ok(stored), 'PUT /api/ai/settings': ok(stored) });
    renderApp('/settings/ai');

    expect(await screen.findByLabelText('Monthly budget (US dollars)')).toHaveValue('40');
    expect(screen.getByLabelText('When the budget is reached')).toHaveValue('HANDOFF');
    expect(screen.queryByLabelText('Cheaper model')).not.toBeInTheDocument();
    fireEvent.change(screen.getByLabelText('Monthly budget (US dollars)'), { target: { value: '25.50' } });
    fireEvent.change(screen.getByLabelText('When the budget is reached'), { target: { value: 'CHEAPER_MODEL' } });
    expect(screen.getByText('Used by the first provider of your order (openai).')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('Give the cheaper model, e.g. gpt-4.1-nano.')).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/settings')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Cheaper model'), { target: { value: ' gpt-4.1-nano ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/settings')[0]?.body).toMatchObject({
      monthlyBudgetUsd: 25.5,
      onBudget: 'CHEAPER_MODEL',
      budgetModel: 'gpt-4.1-nano',
    });

    fireEvent.change(screen.getByLabelText('Monthly budget (US dollars)'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    await screen.findByText(/Saved\./);
    expect(fake.requestsTo('PUT /api/ai/settings')[1]?.body).toMatchObject({
      monthlyBudgetUsd: null,
      onBudget: null,
      budgetModel: null,
    });
  });

  it("shows the server's budget field errors", async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/ai/settings': ok(stored),
      'PUT /api/ai/settings': problem(400, 'Invalid input', {
        detail: 'Some fields are invalid; nothing was changed.',
        errors: { monthlyBudgetUsd: 'must be more than 0 and at most 1000000 US dollars, in cents at most' },
      }),
    });
    renderApp('/settings/ai');

    fireEvent.change(await screen.findByLabelText('Monthly budget (US dollars)'), { target: { value: '3.005' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('must be more than 0 and at most 1000000 US dollars, in cents at most')).toBeInTheDocument();
  });

  it('clears a stored key, removes a provider and adds another', async () => {
    signInAs('ADMIN');
    const fake = stubApi({ 'GET /api/ai/settings': ok(stored), 'PUT /api/ai/settings': ok(stored) });
    renderApp('/settings/ai');

    fireEvent.click(await screen.findByRole('button', { name: 'Clear the anthropic key' }));
    expect(screen.getByText(/Your key will be removed when you save/)).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Remove offline' }));
    fireEvent.change(screen.getByLabelText('Add a provider'), { target: { value: 'groq' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    fireEvent.change(screen.getByLabelText('API key for groq'), { target: { value: 'gsk_groq-key-0123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    const body = fake.requestsTo('PUT /api/ai/settings')[0]?.body as { providers: unknown[] };
    expect(body.providers).toEqual([
      { name: 'openai', model: null, apiKey: null, clearKey: false },
      { name: 'anthropic', model: 'claude-sonnet-4-5', apiKey: null, clearKey: true },
      { name: 'groq', model: null, apiKey: 'gsk_groq-key-0123456789', clearKey: false },
    ]);
  });

  it('tests a key and shows whether it works, without saving anything', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/ai/settings': ok(stored),
      'POST /api/ai/settings/test-key': [
        ok({ ok: false, provider: 'openai', model: 'gpt-4o-mini', cause: 'key_rejected', status: 401, message: 'The provider refused this key (HTTP 401).' }),
        ok({ ok: true, provider: 'anthropic', model: 'claude-sonnet-4-5-20250929', cause: null, status: 0, message: 'ok' }),
      ],
    });
    renderApp('/settings/ai');

    fireEvent.change(await screen.findByLabelText('API key for openai'), { target: { value: 'sk-typed-0123456789' } });
    fireEvent.click(screen.getByRole('button', { name: 'Test the openai key' }));
    const openai = screen.getByRole('listitem', { name: 'Provider openai' });
    expect(await within(openai).findByText('It does not work (key_rejected): The provider refused this key (HTTP 401).')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: 'Test the anthropic key' }));
    const anthropic = screen.getByRole('listitem', { name: 'Provider anthropic' });
    expect(await within(anthropic).findByText('It works: claude-sonnet-4-5-20250929 answered.')).toBeInTheDocument();

    expect(fake.requestsTo('POST /api/ai/settings/test-key').map((request) => request.body)).toEqual([
      { name: 'openai', model: null, apiKey: 'sk-typed-0123456789' },
      { name: 'anthropic', model: 'claude-sonnet-4-5', apiKey: null },
    ]);
    expect(fake.requestsTo('PUT /api/ai/settings')).toHaveLength(0);
  });

  it("refuses a temperature out of range before calling the server, and shows the server's field errors", async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/ai/settings': ok(stored),
      'PUT /api/ai/settings': problem(400, 'Invalid input', {
        detail: 'Some fields are invalid; nothing was changed.',
        errors: { 'providers[1].apiKey': 'is a masked key; type the whole key' },
      }),
    });
    renderApp('/settings/ai');

    fireEvent.change(await screen.findByLabelText('Temperature (0 to 2)'), { target: { value: '3' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('A number from 0 to 2, or empty for the provider’s default.')).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/ai/settings')).toHaveLength(0);

    fireEvent.change(screen.getByLabelText('Temperature (0 to 2)'), { target: { value: '1' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));
    const anthropic = screen.getByRole('listitem', { name: 'Provider anthropic' });
    expect(await within(anthropic).findByText('is a masked key; type the whole key')).toBeInTheDocument();
  });

  it('is a tab for owners and admins; an agent sees neither the tab nor the settings', async () => {
    signInAs('OWNER');
    stubApi({ 'GET /api/handoff/settings': ok({ keywords: ['agent'], quietPeriodMinutes: 60 }), 'GET /api/ai/settings': ok(stored) });
    const owner = renderApp('/settings/handoff');
    fireEvent.click(await screen.findByRole('link', { name: 'AI' }));
    expect(await screen.findByRole('heading', { name: 'AI' })).toBeInTheDocument();
    owner.unmount();

    signInAs('AGENT');
    const fake = stubApi({ 'GET /api/handoff/settings': ok({ keywords: ['agent'], quietPeriodMinutes: 60 }) });
    renderApp('/settings/ai');
    expect(await screen.findByText('Only owners and admins can see and change the AI settings.')).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'AI' })).not.toBeInTheDocument();
    expect(fake.requestsTo('GET /api/ai/settings')).toHaveLength(0);
  });
});
