import type { ReactNode } from 'react';
import type { PaymentProvider } from '../../api';

/** What the console tells a merchant about each provider: names of its keys, and where its webhook URL goes. */
export type ProviderInfo = {
  provider: PaymentProvider;
  name: string;
  secretKeyLabel: string;
  secretKeyExample: string;
  publicKeyLabel: string;
  /** null: the provider signs webhooks with the secret key itself (Paystack), there is no second secret. */
  webhookSecretLabel: string | null;
  webhookSecretExample: string;
  defaultCurrency: string;
  webhookInstructions: ReactNode;
};

export const providerInfos: readonly ProviderInfo[] = [
  {
    provider: 'PAYSTACK',
    name: 'Paystack',
    secretKeyLabel: 'Secret key',
    secretKeyExample: 'sk_test_…',
    publicKeyLabel: 'Public key',
    webhookSecretLabel: null,
    webhookSecretExample: '',
    defaultCurrency: 'NGN',
    webhookInstructions: (
      <>
        In the Paystack dashboard open <strong>Settings → API Keys &amp; Webhooks</strong> and paste this address as the{' '}
        <strong>Webhook URL</strong> of the same mode (Test or Live). Paystack signs each event with your secret key, so
        there is no separate webhook secret.
      </>
    ),
  },
  {
    provider: 'FLUTTERWAVE',
    name: 'Flutterwave',
    secretKeyLabel: 'Secret key',
    secretKeyExample: 'FLWSECK_TEST-…',
    publicKeyLabel: 'Public key',
    webhookSecretLabel: 'Secret hash',
    webhookSecretExample: 'the secret hash set in Flutterwave',
    defaultCurrency: 'NGN',
    webhookInstructions: (
      <>
        In the Flutterwave dashboard open <strong>Settings → Webhooks</strong>, paste this address as the{' '}
        <strong>URL</strong>, and set a <strong>Secret hash</strong>: the same one you enter here.
      </>
    ),
  },
  {
    provider: 'STRIPE',
    name: 'Stripe',
    secretKeyLabel: 'Secret key',
    secretKeyExample: 'sk_test_… or rk_test_…',
    publicKeyLabel: 'Publishable key',
    webhookSecretLabel: 'Webhook signing secret',
    webhookSecretExample: 'whsec_…',
    defaultCurrency: 'USD',
    webhookInstructions: (
      <>
        In the Stripe dashboard open <strong>Developers → Webhooks</strong> and add an endpoint with this address for
        the events <code>checkout.session.completed</code>, <code>checkout.session.async_payment_succeeded</code>,{' '}
        <code>checkout.session.async_payment_failed</code>, <code>checkout.session.expired</code> and{' '}
        <code>charge.refunded</code>. Then reveal the endpoint’s <strong>Signing secret</strong> (<code>whsec_…</code>)
        and enter it here. After you roll it in Stripe, enter the new one: the old one keeps working for 24 hours.
      </>
    ),
  },
];
