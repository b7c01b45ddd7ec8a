import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import {
  ApiError,
  api,
  describeError,
  type AiAvailableProvider,
  type AiBudgetPolicy,
  type AiKeyTestResult,
  type AiLanguagePolicy,
  type AiSettings,
  type AiSettingsUpdate,
} from '../api';
import { Alert } from '../components/Alert';
import { Field, SelectField, TextAreaField } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useRole } from '../session/role';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

const channelLabels: Record<string, string> = { INSTAGRAM: 'Instagram', MESSENGER: 'Messenger', WHATSAPP: 'WhatsApp' };

/** One provider of the order as the form edits it; `newKey` empty keeps the stored key. */
type ProviderRow = { name: string; model: string; storedKey: string | null; newKey: string; clearKey: boolean };

type Draft = {
  providers: ProviderRow[];
  temperature: string;
  maxReplyTokens: string;
  tone: string;
  languagePolicy: AiLanguagePolicy;
  fixedLanguage: string;
  channels: Record<string, boolean>;
  /** US dollars as typed; empty = no budget. */
  monthlyBudgetUsd: string;
  onBudget: AiBudgetPolicy;
  budgetModel: string;
};

function draftOf(settings: AiSettings): Draft {
  return {
    providers: settings.providers.map((provider) => ({
      name: provider.name,
      // The default model is shown as the placeholder: saving it would pin it when the deployment changes it.
      model: provider.model && provider.model !== defaultModel(settings.available, provider.name) ? provider.model : '',
      storedKey: provider.ownKey ? provider.apiKey : null,
      newKey: '',
      clearKey: false,
    })),
    temperature: settings.temperature === null ? '' : String(settings.temperature),
    maxReplyTokens: settings.maxReplyTokens === null ? '' : String(settings.maxReplyTokens),
    tone: settings.tone ?? '',
    languagePolicy: settings.languagePolicy,
    fixedLanguage: settings.fixedLanguage ?? '',
    channels: { ...settings.channels },
    monthlyBudgetUsd: settings.monthlyBudgetUsd === null ? '' : String(settings.monthlyBudgetUsd),
    onBudget: settings.onBudget ?? 'HANDOFF',
    budgetModel: settings.budgetModel ?? '',
  };
}

function defaultModel(available: AiAvailableProvider[], name: string): string | null {
  return available.find((provider) => provider.name === name)?.defaultModel ?? null;
}

/**
 * Settings → AI (owners and admins): which providers answer and in which order, each with its model and the
 * business's own key or the platform's (masked; replace, clear or test it), temperature, reply length, tone,
 * reply language, the channels the assistant answers on, and the monthly budget (what its replies may cost, and
 * what happens once they have).
 */
export function AiSettingsPage() {
  const role = useRole();
  const allowed = role !== 'AGENT';
  const queryClient = useQueryClient();
  const query = useQuery({
    queryKey: queryKeys.aiSettings,
    queryFn: ({ signal }) => api.aiSettings({ signal }),
    enabled: allowed,
  });
  const settings = query.data;
  // The member's unsaved edits; until the first one the form shows what is stored.
  const [draft, setDraft] = useState<Draft | null>(null);
  const form = draft ?? (settings ? draftOf(settings) : null);
  const [errors, setErrors] = useState<FormErrors<string>>(noErrors);
  const [saved, setSaved] = useState(false);
  const [tests, setTests] = useState<Record<string, AiKeyTestResult | string>>({});
  const [adding, setAdding] = useState('');
  const save = useMutation({ mutationFn: (update: AiSettingsUpdate) => api.saveAiSettings(update) });
  const test = useMutation({ mutationFn: api.testAiKey });

  if (!allowed) {
    return (
      <section className="ai-settings">
        <p className="eyebrow">Settings</p>
        <h1>AI</h1>
        <SettingsTabs />
        <Alert tone="warning">Only owners and admins can see and change the AI settings.</Alert>
      </section>
    );
  }

  const edit = (change: (current: Draft) => Draft) => {
    if (form) {
      setSaved(false);
      setDraft(change(form));
    }
  };
  const editRow = (index: number, change: Partial<ProviderRow>) =>
    edit((current) => ({
      ...current,
      providers: current.providers.map((row, i) => (i === index ? { ...row, ...change } : row)),
    }));
  const move = (index: number, by: number) =>
    edit((current) => {
      const providers = [...current.providers];
      const [row] = providers.splice(index, 1);
      providers.splice(index + by, 0, row!);
      return { ...current, providers };
    });
  const remove = (index: number) =>
    edit((current) => ({ ...current, providers: current.providers.filter((_, i) => i !== index) }));
  const add = () => {
    if (adding) {
      edit((current) => ({
        ...current,
        providers: [...current.providers, { name: adding, model: '', storedKey: null, newKey: '', clearKey: false }],
      }));
      setAdding('');
    }
  };

  const testKey = async (row: ProviderRow) => {
    setTests((current) => ({ ...current, [row.name]: 'Testing…' }));
    try {
      const result = await test.mutateAsync({
        name: row.name,
        model: row.model.trim() || null,
        apiKey: row.newKey.trim() || null,
      });
      setTests((current) => ({ ...current, [row.name]: result }));
    } catch (error) {
      const message = error instanceof ApiError ? Object.values(error.fieldErrors)[0] ?? describeError(error) : describeError(error);
      setTests((current) => ({ ...current, [row.name]: message }));
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!form) {
      return;
    }
    setSaved(false);
    const invalid: Record<string, string> = {};
    const temperature = form.temperature.trim() === '' ? null : Number(form.temperature);
    if (temperature !== null && (!Number.isFinite(temperature) || temperature < 0 || temperature > 2)) {
      invalid.temperature = 'A number from 0 to 2, or empty for the provider’s default.';
    }
    const maxReplyTokens = form.maxReplyTokens.trim() === '' ? null : Number(form.maxReplyTokens);
    if (maxReplyTokens !== null && (!Number.isInteger(maxReplyTokens) || maxReplyTokens < 16 || maxReplyTokens > 4000)) {
      invalid.maxReplyTokens = 'Whole tokens from 16 to 4000, or empty for the default.';
    }
    if (form.providers.length === 0) {
      invalid.providers = 'Choose at least one provider.';
    }
    if (form.languagePolicy === 'FIXED' && !form.fixedLanguage.trim()) {
      invalid.fixedLanguage = 'Give the language, e.g. fr, en or pt-BR.';
    }
    const monthlyBudgetUsd = form.monthlyBudgetUsd.trim() === '' ? null : Number(form.monthlyBudgetUsd);
    if (monthlyBudgetUsd !== null && (!Number.isFinite(monthlyBudgetUsd) || monthlyBudgetUsd <= 0)) {
      invalid.monthlyBudgetUsd = 'An amount in US dollars above 0, or empty for no budget.';
    }
    if (monthlyBudgetUsd !== null && form.onBudget === 'CHEAPER_MODEL' && !form.budgetModel.trim()) {
      invalid.budgetModel = 'Give the cheaper model, e.g. gpt-4.1-nano.';
    }
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const stored = await save.mutateAsync({
        providers: form.providers.map((row) => ({
          name: row.name,
          model: row.model.trim() || null,
          apiKey: row.newKey.trim() || null,
          clearKey: row.clearKey,
        })),
        temperature,
        maxReplyTokens,
        tone: form.tone.trim() || null,
        languagePolicy: form.languagePolicy,
        fixedLanguage: form.languagePolicy === 'FIXED' ? form.fixedLanguage.trim() : null,
        channels: form.channels,
        monthlyBudgetUsd,
        onBudget: monthlyBudgetUsd === null ? null : form.onBudget,
        budgetModel: monthlyBudgetUsd !== null && form.onBudget === 'CHEAPER_MODEL' ? form.budgetModel.trim() : null,
      });
      queryClient.setQueryData(queryKeys.aiSettings, stored);
      setDraft(null);
      setSaved(true);
    } catch (error) {
      const fields = [
        'providers',
        'temperature',
        'maxReplyTokens',
        'tone',
        'fixedLanguage',
        'monthlyBudgetUsd',
        'onBudget',
        'budgetModel',
        ...form.providers.flatMap((_, i) => [`providers[${i}].name`, `providers[${i}].model`, `providers[${i}].apiKey`]),
      ];
      setErrors(formErrorsFrom(error, fields));
    }
  };

  const loadError = queryProblem(query);
  const problem = pollErrorMessage(loadError);
  const available = settings?.available ?? [];
  const addable = form ? available.filter((provider) => !form.providers.some((row) => row.name === provider.name)) : [];
  return (
    <section className="ai-settings">
      <p className="eyebrow">Settings</p>
      <h1>AI</h1>
      <SettingsTabs />
      <p className="lead">
        Which AI providers answer your customers, in which order (the next one answers when one fails), with which
        model and key, and how the assistant writes. <Link to="/settings/ai/usage">See usage and cost</Link>
      </p>
      {problem && <Alert>Could not load the AI settings: {problem}</Alert>}
      {settings === undefined && !loadError && <p className="muted">Loading AI settings…</p>}
      {settings && form && (
        <form method="post" onSubmit={submit} noValidate className="form" aria-label="AI settings">
          {errors.general && <Alert>{errors.general}</Alert>}
          {saved && <Alert tone="success">Saved. The next replies use these settings.</Alert>}
          {!settings.custom && draft === null && (
            <p className="muted">You use this deployment’s defaults. Save to make these settings your own.</p>
          )}
          <h2>Providers</h2>
          {errors.fields.providers && <p className="field-error">{errors.fields.providers}</p>}
          <ol className="ai-providers">
            {form.providers.map((row, index) => {
              const info = available.find((provider) => provider.name === row.name);
              const result = tests[row.name];
              return (
                <li key={row.name} aria-label={`Provider ${row.name}`}>
                  <h3>
                    {index + 1}. {row.name}
                  </h3>
                  <div className="button-row">
                    <button type="button" className="button-secondary" onClick={() => move(index, -1)} disabled={index === 0}>
                      Move {row.name} up
                    </button>
                    <button
                      type="button"
                      className="button-secondary"
                      onClick={() => move(index, 1)}
                      disabled={index === form.providers.length - 1}
                    >
                      Move {row.name} down
                    </button>
                    <button type="button" className="button-link" onClick={() => remove(index)}>
                      Remove {row.name}
                    </button>
                  </div>
                  {errors.fields[`providers[${index}].name`] && (
                    <p className="field-error">{errors.fields[`providers[${index}].name`]}</p>
                  )}
                  {row.name === 'offline' ? (
                    <p className="muted">The built-in offline responder: answers from your FAQ and catalog, no AI model.</p>
                  ) : (
                    <>
                      <Field
                        label={`Model for ${row.name}`}
                        hint={info?.defaultModel ? `Empty: ${info.defaultModel}` : undefined}
                        placeholder={info?.defaultModel ?? ''}
                        value={row.model}
                        onChange={(model) => editRow(index, { model })}
                        error={errors.fields[`providers[${index}].model`]}
                      />
                      <Field
                        label={`API key for ${row.name}`}
                        type="password"
                        autoComplete="off"
                        hint={keyHint(row, info)}
                        value={row.newKey}
                        onChange={(newKey) => editRow(index, { newKey, clearKey: false })}
                        error={errors.fields[`providers[${index}].apiKey`]}
                      />
                      <div className="button-row">
                        {row.storedKey && !row.clearKey && (
                          <button type="button" className="button-link" onClick={() => editRow(index, { clearKey: true, newKey: '' })}>
                            Clear the {row.name} key
                          </button>
                        )}
                        {row.clearKey && (
                          <button type="button" className="button-link" onClick={() => editRow(index, { clearKey: false })}>
                            Keep the {row.name} key
                          </button>
                        )}
                        <button type="button" className="button-secondary" onClick={() => void testKey(row)}>
                          Test the {row.name} key
                        </button>
                      </div>
                      {result !== undefined && (
                        <p role="status" className={typeof result !== 'string' && result.ok ? 'key-test key-test-ok' : 'key-test'}>
                          {typeof result === 'string'
                            ? result
                            : result.ok
                              ? `It works: ${result.model ?? row.name} answered.`
                              : `It does not work (${result.cause}): ${result.message}`}
                        </p>
                      )}
                    </>
                  )}
                </li>
              );
            })}
          </ol>
          {addable.length > 0 && (
            <div className="button-row">
              <SelectField
                label="Add a provider"
                value={adding}
                onChange={setAdding}
                options={[{ value: '', label: 'Choose…' }, ...addable.map((provider) => ({ value: provider.name, label: provider.name }))]}
              />
              <button type="button" className="button-secondary" onClick={add} disabled={!adding}>
                Add
              </button>
            </div>
          )}
          <h2>How the assistant writes</h2>
          <Field
            label="Temperature (0 to 2)"
            hint="Lower is more predictable, higher more varied. Empty: the provider’s default."
            inputMode="decimal"
            value={form.temperature}
            onChange={(temperature) => edit((current) => ({ ...current, temperature }))}
            error={errors.fields.temperature}
          />
          <Field
            label="Max reply length (tokens)"
            hint="About ¾ of a word each. Empty: the deployment’s default."
            inputMode="numeric"
            value={form.maxReplyTokens}
            onChange={(maxReplyTokens) => edit((current) => ({ ...current, maxReplyTokens }))}
            error={errors.fields.maxReplyTokens}
          />
          <TextAreaField
            label="Tone and persona"
            hint="At most 500 characters, e.g. “Warm and brief; call customers by their first name.”"
            rows={3}
            maxLength={500}
            value={form.tone}
            onChange={(tone) => edit((current) => ({ ...current, tone }))}
            error={errors.fields.tone}
          />
          <SelectField
            label="Reply language"
            value={form.languagePolicy}
            onChange={(languagePolicy) => edit((current) => ({ ...current, languagePolicy }))}
            options={[
              { value: 'CUSTOMER', label: 'The customer’s language' },
              { value: 'FIXED', label: 'Always one language' },
            ]}
          />
          {form.languagePolicy === 'FIXED' && (
            <Field
              label="Language"
              hint="A language tag, e.g. fr, en or pt-BR."
              value={form.fixedLanguage}
              onChange={(fixedLanguage) => edit((current) => ({ ...current, fixedLanguage }))}
              error={errors.fields.fixedLanguage}
            />
          )}
          <h2>Channels</h2>
          <p className="muted">Where the assistant is off, every customer message goes to your team instead.</p>
          {Object.keys(form.channels).map((channel) => (
            <label className="checkbox" key={channel}>
              <input
                type="checkbox"
                checked={form.channels[channel] ?? true}
                onChange={(event) => {
                  const on = event.target.checked;
                  edit((current) => ({ ...current, channels: { ...current.channels, [channel]: on } }));
                }}
              />
              Answer on {channelLabels[channel] ?? channel}
            </label>
          ))}
          <h2 id="budget">Monthly budget</h2>
          <p className="muted">
            What the assistant’s replies may cost in a calendar month (your business’s time zone), checked before each reply.
          </p>
          <Field
            label="Monthly budget (US dollars)"
            hint="Empty: no budget."
            inputMode="decimal"
            value={form.monthlyBudgetUsd}
            onChange={(monthlyBudgetUsd) => edit((current) => ({ ...current, monthlyBudgetUsd }))}
            error={errors.fields.monthlyBudgetUsd}
          />
          {form.monthlyBudgetUsd.trim() !== '' && (
            <>
              <SelectField
                label="When the budget is reached"
                value={form.onBudget}
                onChange={(onBudget) => edit((current) => ({ ...current, onBudget }))}
                options={[
                  { value: 'HANDOFF', label: 'Hand customers to the team (and alert it)' },
                  { value: 'CHEAPER_MODEL', label: 'Answer with a cheaper model' },
                ]}
                error={errors.fields.onBudget}
              />
              {form.onBudget === 'CHEAPER_MODEL' && (
                <Field
                  label="Cheaper model"
                  hint={`Used by the first provider of your order${form.providers[0] ? ` (${form.providers[0].name})` : ''}.`}
                  value={form.budgetModel}
                  onChange={(budgetModel) => edit((current) => ({ ...current, budgetModel }))}
                  error={errors.fields.budgetModel}
                />
              )}
            </>
          )}
          <button type="submit" className="button-primary" disabled={save.isPending}>
            {save.isPending ? 'Saving…' : 'Save'}
          </button>
        </form>
      )}
      {loadError instanceof ApiError && loadError.status === 403 && (
        <Alert tone="warning">Only owners and admins can see and change the AI settings.</Alert>
      )}
    </section>
  );
}

function keyHint(row: ProviderRow, info: AiAvailableProvider | undefined): string {
  if (row.clearKey) {
    return info?.platformKey
      ? 'Your key will be removed when you save; the platform’s key is used instead.'
      : 'Your key will be removed when you save; this deployment has no key of its own for this provider.';
  }
  if (row.storedKey) {
    return `Your key ${row.storedKey} is stored. Type a new one to replace it, or leave empty to keep it.`;
  }
  if (info && !info.needsKey) {
    return 'Optional for a self-hosted model.';
  }
  return info?.platformKey ? 'Empty: the platform’s key is used.' : 'Required: this deployment has no key for it.';
}
