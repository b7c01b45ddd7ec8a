import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import {
  ApiError,
  api,
  type PaymentMode,
  type ProviderSettings,
  type ProviderSettingsUpdate,
  type WebhookSignatureScheme,
} from '../../api';
import { Alert } from '../../components/Alert';
import { Field, SelectField } from '../../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../../components/formErrors';
import { isCurrencyCode } from '../../format/money';
import type { ProviderInfo } from './providerInfo';

const fields = ['secretKey', 'publicKey', 'webhookSecret', 'mode', 'currency', 'isDefault', 'webhookSignatureScheme'] as const;
type SettingsField = (typeof fields)[number];

type Values = {
  secretKey: string;
  publicKey: string;
  webhookSecret: string;
  mode: PaymentMode;
  currency: string;
  isDefault: boolean;
  webhookSignatureScheme: WebhookSignatureScheme;
};

const modes = [
  { value: 'TEST', label: 'Test' },
  { value: 'LIVE', label: 'Live' },
] as const;

const schemes = [
  { value: 'VERIF_HASH', label: 'verif-hash header (Flutterwave v3, default)' },
  { value: 'HMAC_SHA256', label: 'flutterwave-signature, HMAC-SHA256 (Flutterwave v4)' },
] as const;

type ProviderFormProps = {
  info: ProviderInfo;
  /** The stored settings; undefined when the provider is set up for the first time. */
  settings: ProviderSettings | undefined;
  /** The first provider set up becomes the default whatever is ticked; say so up front. */
  firstProvider: boolean;
  onSaved: (saved: ProviderSettings | undefined) => void;
  onCancel: () => void;
};

/**
 * A provider's keys and options. Stored secrets are never shown or sent back: their inputs start
 * empty ("unchanged"), and an empty secret is sent as null, which keeps the stored one. What the
 * merchant types lives only in this form's state and the PUT body; the form closes (and forgets
 * it) once saved.
 */
export function ProviderForm({ info, settings, firstProvider, onSaved, onCancel }: ProviderFormProps) {
  const configured = settings !== undefined;
  const [values, setValues] = useState<Values>(() => ({
    secretKey: '',
    publicKey: publicKeyShown(settings?.publicKey),
    webhookSecret: '',
    mode: settings?.mode ?? 'TEST',
    currency: settings?.currency ?? info.defaultCurrency,
    isDefault: settings?.isDefault ?? firstProvider,
    webhookSignatureScheme: settings?.webhookSignatureScheme ?? 'VERIF_HASH',
  }));
  const [errors, setErrors] = useState<FormErrors<SettingsField>>(noErrors);
  const save = useMutation({ mutationFn: (update: ProviderSettingsUpdate) => api.savePaymentProvider(info.provider, update) });
  const submitting = save.isPending;

  const set =
    <K extends keyof Values>(field: K) =>
    (value: Values[K]) =>
      setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = check(values, info, configured);
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const saved = await save.mutateAsync(updateFrom(values, info));
      onSaved(saved);
    } catch (error) {
      // Typed secrets stay in the inputs so the merchant can correct them; they were sent only in the body.
      setErrors(submitErrors(error));
    }
  };

  const secretPlaceholder = (example: string) => (configured ? 'unchanged' : example);
  return (
    // method="post": should the script ever not intercept the submit, secrets go in a body, never into a URL.
    <form method="post" onSubmit={submit} noValidate className="form" aria-label={`${info.name} settings`}>
      {errors.general && <Alert>{errors.general}</Alert>}
      {configured && <p className="muted">Leave a secret empty to keep the one stored.</p>}
      <Field
        label={info.secretKeyLabel}
        type="password"
        autoComplete="off"
        spellCheck={false}
        placeholder={secretPlaceholder(info.secretKeyExample)}
        value={values.secretKey}
        onChange={set('secretKey')}
        error={errors.fields.secretKey}
      />
      <Field
        label={info.publicKeyLabel}
        autoComplete="off"
        spellCheck={false}
        value={values.publicKey}
        onChange={set('publicKey')}
        error={errors.fields.publicKey}
      />
      {info.webhookSecretLabel && (
        <Field
          label={info.webhookSecretLabel}
          type="password"
          autoComplete="off"
          spellCheck={false}
          placeholder={secretPlaceholder(info.webhookSecretExample)}
          value={values.webhookSecret}
          onChange={set('webhookSecret')}
          error={errors.fields.webhookSecret}
        />
      )}
      {info.provider === 'FLUTTERWAVE' && (
        <SelectField
          label="Webhook signature check"
          value={values.webhookSignatureScheme}
          onChange={set('webhookSignatureScheme')}
          options={schemes}
          hint="Keep the default unless your Flutterwave account sends v4 webhooks."
          error={errors.fields.webhookSignatureScheme}
        />
      )}
      <SelectField
        label="Mode"
        value={values.mode}
        onChange={set('mode')}
        options={modes}
        hint="Test keys go with Test, live keys with Live."
        error={errors.fields.mode}
      />
      <Field
        label="Default currency"
        autoComplete="off"
        maxLength={3}
        value={values.currency}
        onChange={(value) => set('currency')(value.toUpperCase())}
        error={errors.fields.currency}
      />
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.isDefault}
          // The default only moves to another provider: unticking it here would change nothing.
          disabled={settings?.isDefault === true}
          onChange={(event) => set('isDefault')(event.target.checked)}
        />
        Default provider (checkout links are created with it)
      </label>
      {settings?.isDefault && <p className="field-hint">To change the default, make another provider the default.</p>}
      {errors.fields.isDefault && <p className="field-error">{errors.fields.isDefault}</p>}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submitting}>
          Save {info.name}
        </button>
        <button type="button" className="button-link" onClick={onCancel} disabled={submitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}

/** The first setup needs every secret; later an empty one keeps what is stored. */
function check(values: Values, info: ProviderInfo, configured: boolean): Partial<Record<SettingsField, string>> {
  const missing: Partial<Record<SettingsField, string>> = {};
  if (!configured && !values.secretKey.trim()) {
    missing.secretKey = `Paste your ${info.name} ${info.secretKeyLabel.toLowerCase()}.`;
  }
  if (!configured && info.webhookSecretLabel && !values.webhookSecret.trim()) {
    missing.webhookSecret = `Enter the ${info.webhookSecretLabel.toLowerCase()}.`;
  }
  if (!isCurrencyCode(values.currency.trim())) {
    missing.currency = 'Enter a three-letter currency code, e.g. NGN.';
  }
  return missing;
}

function updateFrom(values: Values, info: ProviderInfo): ProviderSettingsUpdate {
  return {
    secretKey: values.secretKey.trim() || null,
    publicKey: values.publicKey.trim() || null,
    webhookSecret: info.webhookSecretLabel ? values.webhookSecret.trim() || null : null,
    mode: values.mode,
    currency: values.currency.trim(),
    isDefault: values.isDefault,
    webhookSignatureScheme: info.provider === 'FLUTTERWAVE' ? values.webhookSignatureScheme : null,
  };
}

/** The stored public key for editing. It is not a secret and comes back in clear; were it ever masked, the mask is not offered for re-saving. */
function publicKeyShown(publicKey: string | null | undefined): string {
  return publicKey && !isMasked(publicKey) ? publicKey : '';
}

function isMasked(value: string | null | undefined): boolean {
  return !!value && value.includes('…');
}

function submitErrors(error: unknown): FormErrors<SettingsField> {
  if (error instanceof ApiError && error.status === 401) {
    return noErrors;
  }
  if (error instanceof ApiError && error.status === 403) {
    return { fields: {}, general: 'Only the business owner or an admin can change payment settings.' };
  }
  return formErrorsFrom(error, fields);
}

/** The body of "make default": everything as stored, secrets kept (null). */
export function makeDefaultUpdate(settings: ProviderSettings): ProviderSettingsUpdate {
  return {
    secretKey: null,
    publicKey: isMasked(settings.publicKey) ? null : settings.publicKey,
    webhookSecret: null,
    mode: settings.mode,
    currency: settings.currency,
    isDefault: true,
    webhookSignatureScheme: settings.provider === 'FLUTTERWAVE' ? (settings.webhookSignatureScheme ?? 'VERIF_HASH') : null,
  };
}
