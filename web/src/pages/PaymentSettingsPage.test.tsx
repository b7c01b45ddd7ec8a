import { fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { providerSettings, signIn, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const paystack = providerSettings({
  provider: 'PAYSTACK',
  secretKey: 'sk_test_…4f2a',
  publicKey: 'pk_test_0a1b2c3d4e5f',
  endpointId: 'pe_4fTq9LmZx2Rk8VbN1cYw7HsD',
  isDefault: true,
});
const stripe = providerSettings({
  provider: 'STRIPE',
  secretKey: 'sk_test_…77Qz',
  publicKey: 'pk_test_51Hx',
  webhookSecret: 'whsec_…9a1b',
  currency: 'USD',
  endpointId: 'pe_Zk3Lm9Qa0Xc5Vb7Nd2Fg4Hj6',
  isDefault: false,
  previousWebhookSecretValidUntil: '2026-03-13T12:00:00Z',
});

function card(name: string) {
  return screen.getByRole('article', { name });
}

function fill(container: HTMLElement, label: string, value: string) {
  fireEvent.change(within(container).getByLabelText(label), { target: { value } });
}

describe('PaymentSettingsPage', () => {
  describe('as an owner', () => {
    beforeEach(() => {
      signInAs('OWNER');
    });

    it('shows each provider, configured or not, with masked keys, mode, currency, default and the webhook URL', async () => {
      stubApi({ 'GET /api/payments/providers': ok([paystack, stripe]) });
      renderApp('/settings/payments');

      expect(await screen.findByRole('heading', { name: 'Payments' })).toBeInTheDocument();
      const paystackCard = await screen.findByRole('article', { name: 'Paystack' });
      expect(paystackCard).toHaveTextContent('Configured');
      expect(within(paystackCard).getByText('Default')).toBeInTheDocument();
      expect(paystackCard).toHaveTextContent('Test mode');
      expect(paystackCard).toHaveTextContent('sk_test_…4f2a');
      expect(paystackCard).toHaveTextContent('NGN');
      expect(paystackCard).toHaveTextContent('http://localhost:8080/webhooks/paystack/pe_4fTq9LmZx2Rk8VbN1cYw7HsD');
      expect(paystackCard).toHaveTextContent('Settings → API Keys & Webhooks');
      expect(within(paystackCard).getByRole('button', { name: 'Copy Paystack webhook URL' })).toBeInTheDocument();

      const stripeCard = card('Stripe');
      expect(stripeCard).toHaveTextContent('whsec_…9a1b');
      expect(stripeCard).toHaveTextContent('Previous signing secret');
      expect(within(stripeCard).queryByText('Default')).not.toBeInTheDocument();
      expect(stripeCard).toHaveTextContent('Developers → Webhooks');
      expect(within(stripeCard).getByRole('button', { name: 'Make Stripe the default' })).toBeInTheDocument();

      const flutterwaveCard = card('Flutterwave');
      expect(flutterwaveCard).toHaveTextContent('Not configured');
      expect(within(flutterwaveCard).queryByRole('button', { name: /Copy/ })).not.toBeInTheDocument();
      expect(within(flutterwaveCard).getByRole('button', { name: 'Set up Flutterwave' })).toBeInTheDocument();
    });

    it('copies the webhook URL', async () => {
      const writeText = vi.fn(async () => undefined);
      Object.defineProperty(window.navigator, 'clipboard', { value: { writeText }, configurable: true });
      try {
        stubApi({ 'GET /api/payments/providers': ok([paystack]) });
        renderApp('/settings/payments');

        fireEvent.click(await screen.findByRole('button', { name: 'Copy Paystack webhook URL' }));

        expect(await within(card('Paystack')).findByText('Copied')).toBeInTheDocument();
        expect(writeText).toHaveBeenCalledWith('http://localhost:8080/webhooks/paystack/pe_4fTq9LmZx2Rk8VbN1cYw7HsD');
      } finally {
        Reflect.deleteProperty(window.navigator, 'clipboard');
      }
    });

    it('edits a configured provider without re-typing secrets: they start empty ("unchanged") and go as null', async () => {
      const fake = stubApi({
        'GET /api/payments/providers': [ok([paystack, stripe]), ok([paystack, { ...stripe, mode: 'LIVE' }])],
        'PUT /api/payments/providers/STRIPE': ok({ ...stripe, mode: 'LIVE' }),
      });
      renderApp('/settings/payments');

      fireEvent.click(await screen.findByRole('button', { name: 'Edit Stripe' }));
      const stripeCard = card('Stripe');
      expect(within(stripeCard).getByLabelText('Secret key')).toHaveValue('');
      expect(within(stripeCard).getByLabelText('Secret key')).toHaveAttribute('placeholder', 'unchanged');
      expect(within(stripeCard).getByLabelText('Secret key')).toHaveAttribute('type', 'password');
      expect(within(stripeCard).getByLabelText('Webhook signing secret')).toHaveAttribute('placeholder', 'unchanged');
      expect(within(stripeCard).getByLabelText('Publishable key')).toHaveValue('pk_test_51Hx');
      fireEvent.change(within(stripeCard).getByLabelText('Mode'), { target: { value: 'LIVE' } });
      fireEvent.click(within(stripeCard).getByRole('button', { name: 'Save Stripe' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Saved Stripe settings.');
      expect(fake.requestsTo('PUT /api/payments/providers/STRIPE')[0]?.body).toEqual({
        secretKey: null,
        publicKey: 'pk_test_51Hx',
        webhookSecret: null,
        mode: 'LIVE',
        currency: 'USD',
        isDefault: false,
        webhookSignatureScheme: null,
      });
      expect(await within(card('Stripe')).findByText('Live mode')).toBeInTheDocument();
      expect(within(card('Stripe')).queryByLabelText('Secret key')).not.toBeInTheDocument();
      expect(fake.requestsTo('GET /api/payments/providers')).toHaveLength(2);
    });

    it('sets up Flutterwave: secrets required the first time, signature scheme chosen, typed secrets gone after saving', async () => {
      const flutterwave = providerSettings({
        provider: 'FLUTTERWAVE',
        secretKey: 'FLWSECK_TEST-…c0de',
        publicKey: 'FLWPUBK_TEST-1234',
        webhookSecret: 'my-s…hash',
        webhookSignatureScheme: 'HMAC_SHA256',
        isDefault: false,
        endpointId: 'pe_Fw0000000000000000000001',
      });
      const fake = stubApi({
        'GET /api/payments/providers': [ok([paystack]), ok([paystack, flutterwave])],
        'PUT /api/payments/providers/FLUTTERWAVE': ok(flutterwave),
      });
      renderApp('/settings/payments');

      fireEvent.click(await screen.findByRole('button', { name: 'Set up Flutterwave' }));
      const flutterwaveCard = card('Flutterwave');
      expect(within(flutterwaveCard).getByLabelText('Webhook signature check')).toHaveValue('VERIF_HASH');
      fireEvent.click(within(flutterwaveCard).getByRole('button', { name: 'Save Flutterwave' }));

      expect(within(flutterwaveCard).getByLabelText('Secret key')).toHaveAccessibleDescription('Paste your Flutterwave secret key.');
      expect(within(flutterwaveCard).getByLabelText('Secret hash')).toHaveAccessibleDescription('Enter the secret hash.');
      expect(fake.requestsTo('PUT /api/payments/providers/FLUTTERWAVE')).toHaveLength(0);

      fill(flutterwaveCard, 'Secret key', 'FLWSECK_TEST-5ecret5ecret5ecret-X');
      fill(flutterwaveCard, 'Public key', 'FLWPUBK_TEST-1234');
      fill(flutterwaveCard, 'Secret hash', 'my-secret-hash');
      fireEvent.change(within(flutterwaveCard).getByLabelText('Webhook signature check'), { target: { value: 'HMAC_SHA256' } });
      fireEvent.click(within(flutterwaveCard).getByRole('button', { name: 'Save Flutterwave' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Saved Flutterwave settings.');
      const [request] = fake.requestsTo('PUT /api/payments/providers/FLUTTERWAVE');
      expect(request?.body).toEqual({
        secretKey: 'FLWSECK_TEST-5ecret5ecret5ecret-X',
        publicKey: 'FLWPUBK_TEST-1234',
        webhookSecret: 'my-secret-hash',
        mode: 'TEST',
        currency: 'NGN',
        isDefault: false,
        webhookSignatureScheme: 'HMAC_SHA256',
      });
      expect(fake.requests.every((sent) => !sent.path.includes('5ecret') && !sent.path.includes('my-secret'))).toBe(true);
      expect(await within(card('Flutterwave')).findByText('FLWSECK_TEST-…c0de')).toBeInTheDocument();
      expect(document.body.innerHTML).not.toContain('5ecret5ecret');
      expect(document.body.innerHTML).not.toContain('my-secret-hash');
    });

    it('makes a provider the default, keeping its stored secrets', async () => {
      const fake = stubApi({
        'GET /api/payments/providers': [
          ok([paystack, stripe]),
          ok([{ ...paystack, isDefault: false }, { ...stripe, isDefault: true }]),
        ],
        'PUT /api/payments/providers/STRIPE': ok({ ...stripe, isDefault: true }),
      });
      renderApp('/settings/payments');

      fireEvent.click(await screen.findByRole('button', { name: 'Make Stripe the default' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Stripe is now the default provider.');
      expect(fake.requestsTo('PUT /api/payments/providers/STRIPE')[0]?.body).toEqual({
        secretKey: null,
        publicKey: 'pk_test_51Hx',
        webhookSecret: null,
        mode: 'TEST',
        currency: 'USD',
        isDefault: true,
        webhookSignatureScheme: null,
      });
      expect(await within(card('Stripe')).findByText('Default')).toBeInTheDocument();
      expect(within(card('Paystack')).queryByText('Default')).not.toBeInTheDocument();
    });

    it('does not offer to untick the default on the default provider: the default only moves to another one', async () => {
      stubApi({ 'GET /api/payments/providers': ok([paystack, stripe]) });
      renderApp('/settings/payments');

      fireEvent.click(await screen.findByRole('button', { name: 'Edit Paystack' }));

      const checkbox = within(card('Paystack')).getByRole('checkbox', { name: /Default provider/ });
      expect(checkbox).toBeChecked();
      expect(checkbox).toBeDisabled();
    });

    it('shows the server\'s field errors under the inputs and keeps the form open', async () => {
      stubApi({
        'GET /api/payments/providers': ok([paystack]),
        'PUT /api/payments/providers/PAYSTACK': problem(400, 'Invalid input', {
          detail: 'Some fields are invalid; nothing was changed.',
          errors: { secretKey: 'must start with sk_live_ in LIVE mode' },
        }),
      });
      renderApp('/settings/payments');

      fireEvent.click(await screen.findByRole('button', { name: 'Edit Paystack' }));
      const paystackCard = card('Paystack');
      fill(paystackCard, 'Secret key', 'sk_test_abc');
      fireEvent.change(within(paystackCard).getByLabelText('Mode'), { target: { value: 'LIVE' } });
      fireEvent.click(within(paystackCard).getByRole('button', { name: 'Save Paystack' }));

      expect(await within(paystackCard).findByText('must start with sk_live_ in LIVE mode')).toBeInTheDocument();
      expect(within(paystackCard).getByLabelText('Secret key')).toHaveAccessibleDescription('must start with sk_live_ in LIVE mode');
      expect(within(paystackCard).queryByLabelText('Secret hash')).not.toBeInTheDocument();
    });

    it('offers to set up the first provider when none is configured', async () => {
      stubApi({ 'GET /api/payments/providers': ok([]) });
      renderApp('/settings/payments');

      expect(await screen.findByText(/No payment provider is set up yet/)).toBeInTheDocument();
      for (const name of ['Paystack', 'Flutterwave', 'Stripe']) {
        expect(card(name)).toHaveTextContent('Not configured');
      }
      fireEvent.click(screen.getByRole('button', { name: 'Set up Paystack' }));
      expect(within(card('Paystack')).getByRole('checkbox', { name: /Default provider/ })).toBeChecked();
    });
  });

  it('tells an agent the settings are for owners and admins, with no control to change them', async () => {
    signInAs('AGENT');
    stubApi({ 'GET /api/payments/providers': problem(403, 'Forbidden') });
    renderApp('/settings/payments');

    expect(await screen.findByText('Only the business owner or an admin can see and change payment settings.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Set up|Edit|Make/ })).not.toBeInTheDocument();
  });

  it('shows an agent the settings read-only if the server lets them read', async () => {
    signInAs('AGENT');
    stubApi({ 'GET /api/payments/providers': ok([paystack, stripe]) });
    renderApp('/settings/payments');

    expect(await screen.findByRole('article', { name: 'Paystack' })).toHaveTextContent('sk_test_…4f2a');
    expect(screen.queryByRole('button', { name: /Set up|Edit|Make/ })).not.toBeInTheDocument();
    expect(screen.getByText('Only owners and admins can change these settings.')).toBeInTheDocument();
  });

  it('says when the server refuses a save (403)', async () => {
    signIn({ accessToken: 'opaque-token' });
    stubApi({
      'GET /api/payments/providers': ok([paystack]),
      'PUT /api/payments/providers/PAYSTACK': problem(403, 'Forbidden'),
    });
    renderApp('/settings/payments');

    fireEvent.click(await screen.findByRole('button', { name: 'Edit Paystack' }));
    fireEvent.click(within(card('Paystack')).getByRole('button', { name: 'Save Paystack' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only the business owner or an admin can change payment settings.');
  });
});
