import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type BusinessProfile, type BusinessProfileUpdate } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

const fields = ['name', 'timeZone', 'language', 'country', 'contactEmail', 'logoUrl'] as const;
type ProfileField = (typeof fields)[number];
type Values = Record<ProfileField, string>;

const empty: Values = { name: '', timeZone: '', language: '', country: '', contactEmail: '', logoUrl: '' };

function valuesOf(profile: BusinessProfile): Values {
  return {
    name: profile.name,
    timeZone: profile.timeZone ?? '',
    language: profile.language ?? '',
    country: profile.country ?? '',
    contactEmail: profile.contactEmail ?? '',
    logoUrl: profile.logoUrl ?? '',
  };
}

/** An empty field is sent as null: the server clears it. */
function updateOf(values: Values): BusinessProfileUpdate {
  const orNull = (value: string) => (value.trim() === '' ? null : value.trim());
  return {
    name: values.name.trim(),
    timeZone: orNull(values.timeZone),
    language: orNull(values.language),
    country: orNull(values.country),
    contactEmail: orNull(values.contactEmail),
    logoUrl: orNull(values.logoUrl),
  };
}

/**
 * Settings → Business: the business's name, time zone, language (the assistant's fallback and the
 * emails'), country, public contact email and logo. Every member sees it; owners and admins change it.
 */
export function BusinessProfilePage() {
  const canManage = canManageCommerce(useRole());
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.businessProfile, queryFn: ({ signal }) => api.businessProfile({ signal }) });
  const profile = query.data;
  // The member's unsaved edits; until the first one the form shows what is stored, from its first render, and a
  // background refetch never overwrites what they are typing.
  const [edited, setValues] = useState<Values | null>(null);
  const values = edited ?? (profile ? valuesOf(profile) : empty);
  const [errors, setErrors] = useState<FormErrors<ProfileField>>(noErrors);
  const [saved, setSaved] = useState(false);
  const save = useMutation({ mutationFn: (update: BusinessProfileUpdate) => api.updateBusinessProfile(update) });

  const set = (field: ProfileField) => (value: string) => setValues({ ...values, [field]: value });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setSaved(false);
    if (values.name.trim() === '') {
      setErrors({ fields: { name: 'Give the business a name.' }, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const stored = await save.mutateAsync(updateOf(values));
      queryClient.setQueryData(queryKeys.businessProfile, stored);
      setValues(null); // back to what is stored: the server normalises values
      setSaved(true);
    } catch (error) {
      setErrors(formErrorsFrom(error, fields));
    }
  };

  const loadError = queryProblem(query);
  const problem = pollErrorMessage(loadError);
  return (
    <section className="business-profile">
      <p className="eyebrow">Settings</p>
      <h1>Business</h1>
      <SettingsTabs />
      {problem && <Alert>Could not load the business profile: {problem}</Alert>}
      {profile === undefined && !loadError && <p className="muted">Loading the business profile…</p>}
      {profile && (
        <form method="post" onSubmit={submit} noValidate className="form" aria-label="Business profile">
          {errors.general && <Alert>{errors.general}</Alert>}
          {saved && <Alert tone="success">Saved. The assistant and your invoices use the new profile.</Alert>}
          {!canManage && <p className="muted">Only owners and admins can change the business profile.</p>}
          <Field label="Business name" value={values.name} onChange={set('name')} error={errors.fields.name}
            disabled={!canManage} />
          <Field label="Time zone" hint="An IANA time zone, e.g. Africa/Lagos or Europe/Paris." value={values.timeZone}
            onChange={set('timeZone')} error={errors.fields.timeZone} disabled={!canManage} />
          <Field label="Language" hint="The language the assistant falls back to, e.g. en, fr or pt-BR."
            value={values.language} onChange={set('language')} error={errors.fields.language} disabled={!canManage} />
          <Field label="Country" hint="Two letters, e.g. NG or FR." value={values.country} onChange={set('country')}
            error={errors.fields.country} disabled={!canManage} />
          <Field label="Contact email" type="email" hint="Your business's public address, shown to customers."
            value={values.contactEmail} onChange={set('contactEmail')} error={errors.fields.contactEmail}
            disabled={!canManage} />
          <Field label="Logo URL" type="url" hint="An https:// address of your logo image." value={values.logoUrl}
            onChange={set('logoUrl')} error={errors.fields.logoUrl} disabled={!canManage} />
          {canManage && (
            <button type="submit" className="button-primary" disabled={save.isPending}>
              {save.isPending ? 'Saving…' : 'Save'}
            </button>
          )}
        </form>
      )}
      {loadError instanceof ApiError && loadError.status === 403 && (
        <Alert tone="warning">You cannot see the profile of this business.</Alert>
      )}
    </section>
  );
}
