import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import { ApiError, api, describeError, type ProviderSettings } from '../../api';
import { Alert } from '../../components/Alert';
import { CopyButton } from '../../components/CopyButton';
import { formatDateTime } from '../../format/time';
import { ProviderForm, makeDefaultUpdate } from './ProviderForm';
import type { ProviderInfo } from './providerInfo';

type ProviderCardProps = {
  info: ProviderInfo;
  settings: ProviderSettings | undefined;
  canManage: boolean;
  /** No provider is configured yet: this one will be the default. */
  firstProvider: boolean;
  onChanged: (message: string) => void;
};

/** One provider: whether it is set up, its masked keys, its webhook URL, and (for owners and admins) its form. */
export function ProviderCard({ info, settings, canManage, firstProvider, onChanged }: ProviderCardProps) {
  const headingId = useId();
  const [editing, setEditing] = useState(false);
  const save = useMutation({
    mutationFn: (current: ProviderSettings) => api.savePaymentProvider(info.provider, makeDefaultUpdate(current)),
  });
  const busy = save.isPending;
  const [error, setError] = useState<string | null>(null);

  const makeDefault = async (current: ProviderSettings) => {
    setError(null);
    try {
      await save.mutateAsync(current);
      onChanged(`${info.name} is now the default provider.`);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 403) {
        setError('Only the business owner or an admin can change payment settings.');
      } else if (!(failure instanceof ApiError && failure.status === 401)) {
        setError(describeError(failure));
      }
    }
  };

  return (
    <article className="card card-wide provider-card" aria-labelledby={headingId}>
      <header className="provider-card-header">
        <h2 id={headingId}>{info.name}</h2>
        {settings ? <span className="badge badge-on">Configured</span> : <span className="badge">Not configured</span>}
        {settings?.isDefault && <span className="badge badge-default">Default</span>}
        {settings && (
          <span className={settings.mode === 'LIVE' ? 'badge badge-live' : 'badge badge-test'}>
            {settings.mode === 'LIVE' ? 'Live' : 'Test'} mode
          </span>
        )}
      </header>
      {error && <Alert>{error}</Alert>}
      {settings && !editing && <StoredSettings info={info} settings={settings} />}
      {settings && (
        <section className="webhook" aria-label={`${info.name} webhook`}>
          <h3>Webhook URL</h3>
          <p className="webhook-url">
            <code>{settings.webhookUrl}</code>
            <CopyButton text={settings.webhookUrl} label={`Copy ${info.name} webhook URL`} />
          </p>
          <p className="muted">{info.webhookInstructions}</p>
        </section>
      )}
      {!settings && !editing && (
        <p className="muted">
          {canManage
            ? `Set up ${info.name} with your API keys to send checkout links through it. Its webhook URL appears here once saved.`
            : `${info.name} is not set up.`}
        </p>
      )}
      {editing ? (
        <ProviderForm
          info={info}
          settings={settings}
          firstProvider={firstProvider}
          onSaved={() => {
            setEditing(false);
            onChanged(`Saved ${info.name} settings.`);
          }}
          onCancel={() => setEditing(false)}
        />
      ) : (
        canManage && (
          <div className="form-actions">
            <button type="button" className="button-primary" onClick={() => setEditing(true)} disabled={busy}>
              {settings ? `Edit ${info.name}` : `Set up ${info.name}`}
            </button>
            {settings && !settings.isDefault && (
              <button type="button" className="button-secondary" onClick={() => makeDefault(settings)} disabled={busy}>
                Make {info.name} the default
              </button>
            )}
          </div>
        )
      )}
    </article>
  );
}

function StoredSettings({ info, settings }: { info: ProviderInfo; settings: ProviderSettings }) {
  return (
    <dl className="settings-list">
      <dt>{info.secretKeyLabel}</dt>
      <dd>
        <code>{settings.secretKey ?? '—'}</code>
      </dd>
      <dt>{info.publicKeyLabel}</dt>
      <dd>{settings.publicKey ? <code>{settings.publicKey}</code> : '—'}</dd>
      {info.webhookSecretLabel && (
        <>
          <dt>{info.webhookSecretLabel}</dt>
          <dd>{settings.webhookSecret ? <code>{settings.webhookSecret}</code> : '—'}</dd>
        </>
      )}
      {info.provider === 'FLUTTERWAVE' && (
        <>
          <dt>Webhook signature check</dt>
          <dd>{settings.webhookSignatureScheme === 'HMAC_SHA256' ? 'flutterwave-signature (HMAC-SHA256)' : 'verif-hash header'}</dd>
        </>
      )}
      {settings.previousWebhookSecretValidUntil && (
        <>
          <dt>Previous signing secret</dt>
          <dd>
            still accepted until{' '}
            <time dateTime={settings.previousWebhookSecretValidUntil}>
              {formatDateTime(settings.previousWebhookSecretValidUntil)}
            </time>
          </dd>
        </>
      )}
      <dt>Default currency</dt>
      <dd>{settings.currency}</dd>
      <dt>Updated</dt>
      <dd>
        <time dateTime={settings.updatedAt}>{formatDateTime(settings.updatedAt)}</time>
      </dd>
    </dl>
  );
}
