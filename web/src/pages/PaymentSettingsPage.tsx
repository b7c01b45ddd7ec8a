import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { ProviderCard } from './payments/ProviderCard';
import { providerInfos } from './payments/providerInfo';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';

/**
 * Settings → Payments: Paystack, Flutterwave and Stripe, each configured or not, with masked keys
 * and the webhook URL to paste into the provider's dashboard. Owners and admins only: the server
 * answers 403 to anyone else, and the page says so.
 */
export function PaymentSettingsPage() {
  const canManage = canManageCommerce(useRole());
  const queryClient = useQueryClient();
  const query = useQuery({ queryKey: queryKeys.paymentProviders, queryFn: ({ signal }) => api.paymentProviders({ signal }) });
  const settings = query.data;
  const loadError = queryProblem(query);
  const [notice, setNotice] = useState<string | null>(null);

  // A save can move the default away from another provider: the list is read again rather than patched.
  const changed = (message: string) => {
    setNotice(message);
    void queryClient.invalidateQueries({ queryKey: queryKeys.paymentProviders });
  };

  const forbidden = loadError instanceof ApiError && loadError.status === 403;
  const problem = forbidden ? null : pollErrorMessage(loadError);
  return (
    <section className="payment-settings">
      <p className="eyebrow">Settings</p>
      <h1>Payments</h1>
      <SettingsTabs />
      {forbidden && <Alert tone="warning">Only the business owner or an admin can see and change payment settings.</Alert>}
      {problem && <Alert>Could not load payment settings: {problem}</Alert>}
      {settings === undefined && !loadError && <p className="muted">Loading payment settings…</p>}
      {settings && (
        <>
          <p className="lead">
            {settings.length === 0
              ? 'No payment provider is set up yet. Set one up so the assistant can send customers a checkout link.'
              : 'Checkout links are created with the default provider. Secrets are stored encrypted and only ever shown masked.'}
          </p>
          {!canManage && <p className="muted">Only owners and admins can change these settings.</p>}
          {notice && <Alert tone="success">{notice}</Alert>}
          {providerInfos.map((info) => (
            <ProviderCard
              key={info.provider}
              info={info}
              settings={settings.find((candidate) => candidate.provider === info.provider)}
              canManage={canManage}
              firstProvider={settings.length === 0}
              onChanged={changed}
            />
          ))}
        </>
      )}
    </section>
  );
}
