import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type HandoffSettings } from '../api';
import { Alert } from '../components/Alert';
import { Field, TextAreaField } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

const fields = ['keywords', 'quietPeriodMinutes'] as const;
type SettingsField = (typeof fields)[number];

/**
 * Settings → Handoff: the words with which a customer asks for a person (the assistant then stays
 * silent and the team is alerted), and how long a quiet conversation stays with the team before it
 * goes back to the assistant. Every member sees them; owners and admins change them.
 */
export function HandoffSettingsPage() {
  const canManage = canManageCommerce(useRole());
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.handoffSettings, queryFn: ({ signal }) => api.handoffSettings({ signal }) });
  const settings = query.data;
  // The member's unsaved edits; until then the form shows what is stored, from its first render, and a background
  // refetch never overwrites what they are typing.
  const [editedKeywords, setKeywords] = useState<string | null>(null);
  const [editedMinutes, setMinutes] = useState<string | null>(null);
  const keywords = editedKeywords ?? settings?.keywords.join('\n') ?? '';
  const minutes = editedMinutes ?? (settings ? String(settings.quietPeriodMinutes) : '');
  const [errors, setErrors] = useState<FormErrors<SettingsField>>(noErrors);
  const [saved, setSaved] = useState(false);
  const save = useMutation({ mutationFn: (update: HandoffSettings) => api.saveHandoffSettings(update) });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    const list = keywords.split('\n').map((keyword) => keyword.trim()).filter((keyword) => keyword.length > 0);
    const quiet = Number(minutes);
    const invalid: Partial<Record<SettingsField, string>> = {};
    if (list.length === 0) {
      invalid.keywords = 'Give at least one word or phrase.';
    }
    if (!Number.isInteger(quiet) || quiet < 1 || quiet > 10080) {
      invalid.quietPeriodMinutes = 'Whole minutes, from 1 to 10080 (7 days).';
    }
    if (Object.keys(invalid).length > 0) {
      setErrors({ fields: invalid, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const stored = await save.mutateAsync({ keywords: list, quietPeriodMinutes: quiet });
      queryClient.setQueryData(queryKeys.handoffSettings, stored);
      // Back to what is stored: the server normalises keywords.
      setKeywords(null);
      setMinutes(null);
      setSaved(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, fields));
    }
  };

  const loadError = queryProblem(query);
  const problem = pollErrorMessage(loadError);
  return (
    <section className="handoff-settings">
      <p className="eyebrow">Settings</p>
      <h1>Handoff</h1>
      <SettingsTabs />
      <p className="lead">
        When a customer writes one of these words or phrases, the conversation goes to your team: the assistant stays
        silent and everyone is alerted. After the quiet period without a message from the customer or the team, the
        assistant answers again.
      </p>
      {problem && <Alert>Could not load the handoff settings: {problem}</Alert>}
      {settings === undefined && !loadError && <p className="muted">Loading handoff settings…</p>}
      {settings && (
        <form method="post" onSubmit={submit} noValidate className="form" aria-label="Handoff settings">
          {errors.general && <Alert>{errors.general}</Alert>}
          {saved && <Alert tone="success">Saved. New customer messages are matched against these words.</Alert>}
          {!canManage && <p className="muted">Only owners and admins can change these settings.</p>}
          <TextAreaField
            label="Words that ask for a person"
            hint="One per line. A single word matches a message that is just that word (e.g. “agent”); a phrase matches anywhere in a message (e.g. “talk to a person”)."
            rows={8}
            value={keywords}
            onChange={setKeywords}
            error={errors.fields.keywords}
            disabled={!canManage}
          />
          <Field
            label="Quiet period (minutes)"
            hint="How long a conversation stays with your team without any message before the assistant takes it back."
            inputMode="numeric"
            value={minutes}
            onChange={setMinutes}
            error={errors.fields.quietPeriodMinutes}
            disabled={!canManage}
          />
          {canManage && (
            <button type="submit" className="button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          )}
        </form>
      )}
      {loadError instanceof ApiError && loadError.status === 403 && (
        <Alert tone="warning">You cannot see the handoff settings of this business.</Alert>
      )}
    </section>
  );
}
