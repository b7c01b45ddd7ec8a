import type { AuthResponse, Channel, ConversationSummary, Invoice, Message, Order, Product, ProviderSettings } from '../api';
import type { Role } from '../session/role';
import { startSession } from '../session/session';

export function authResponse(overrides: Partial<AuthResponse> = {}): AuthResponse {
  return {
    accessToken: 'eyJ.test.token',
    tokenType: 'Bearer',
    expiresIn: 900,
    user: { id: 'user-1', email: 'ada@shop.example' },
    business: { id: 'business-1', name: 'Linen & Co' },
    ...overrides,
  };
}

/** Signs the test user in, as a log-in would. */
export function signIn(overrides: Partial<AuthResponse> = {}) {
  return startSession(authResponse(overrides));
}

/** An access token shaped like identity-service's (header.payload.signature), carrying `role` (address confirmed); unsigned. */
export function tokenWithRole(role: Role | string): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256', kid: 'test' })}.${encode({ sub: 'user-1', business_id: 'business-1', role, email_verified: true })}.c2lnbmF0dXJl`;
}

/** As {@link tokenWithRole}, with more claims (e.g. `mfa_enrolment_required`). */
export function tokenWithClaims(claims: Record<string, unknown>): string {
  const encode = (value: object) =>
    btoa(JSON.stringify(value)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${encode({ alg: 'RS256', kid: 'test' })}.${encode({ sub: 'user-1', business_id: 'business-1', role: 'AGENT', email_verified: true, ...claims })}.c2lnbmF0dXJl`;
}

/** Signs the test user in with this role in the business. */
export function signInAs(role: Role) {
  return signIn({ accessToken: tokenWithRole(role) });
}

export function conversation(overrides: Partial<ConversationSummary> = {}): ConversationSummary {
  return {
    id: 'conv-1',
    channel: { id: 'channel-1', type: 'INSTAGRAM', name: 'Linen shop IG' },
    contact: { id: 'contact-1', externalId: '17841400000000001', name: 'Maya' },
    lastMessage: { text: 'Is the linen shirt available?', direction: 'INBOUND', at: new Date().toISOString() },
    mode: 'BOT',
    ...overrides,
  };
}

export function message(overrides: Partial<Message> = {}): Message {
  return {
    id: 'msg-1',
    direction: 'INBOUND',
    text: 'Is the linen shirt available?',
    sentAt: '2026-03-12T12:00:00Z',
    deliveryStatus: 'RECEIVED',
    ...overrides,
  };
}

export function channel(overrides: Partial<Channel> = {}): Channel {
  return {
    id: 'channel-1',
    type: 'INSTAGRAM',
    externalId: '17841400000000000',
    name: 'Linen shop IG',
    accessToken: 'EAAB…4f2a',
    status: 'CONNECTED',
    createdAt: '2026-03-12T12:00:00Z',
    ...overrides,
  };
}

export function product(overrides: Partial<Product> = {}): Product {
  return {
    sku: 'SHIRT-LINEN-M',
    name: 'Linen shirt (M)',
    description: 'White linen, relaxed fit',
    priceMinor: 2500000,
    currency: 'NGN',
    stock: 12,
    active: true,
    ...overrides,
  };
}

export function providerSettings(overrides: Partial<ProviderSettings> = {}): ProviderSettings {
  const provider = overrides.provider ?? 'PAYSTACK';
  const endpointId = overrides.endpointId ?? 'pe_4fTq9LmZx2Rk8VbN1cYw7HsD';
  return {
    provider,
    secretKey: 'sk_test_…4f2a',
    publicKey: 'pk_test_0a1b2c3d4e5f',
    webhookSecret: null,
    mode: 'TEST',
    currency: 'NGN',
    isDefault: true,
    webhookUrl: `http://localhost:8080/webhooks/${provider.toLowerCase()}/${endpointId}`,
    endpointId,
    updatedAt: '2026-03-12T12:00:00Z',
    webhookSignatureScheme: null,
    ...overrides,
  };
}

export function order(overrides: Partial<Order> = {}): Order {
  return {
    id: '3f2a9c1b-0000-4000-8000-000000000001',
    status: 'PENDING_PAYMENT',
    items: [{ sku: 'LINEN-SHIRT', name: 'Linen shirt', qty: 2, unitPriceMinor: 2500000 }],
    totalMinor: 5000000,
    currency: 'NGN',
    provider: 'PAYSTACK',
    reference: 'SLV-3F2A9C1B000040008000000000000001',
    checkoutUrl: 'https://checkout.paystack.com/abc123',
    checkoutStatus: 'SENT',
    checkoutError: null,
    conversationId: 'conv-1',
    contactId: 'contact-1',
    createdAt: '2026-11-30T09:15:00Z',
    paidAt: null,
    expiresAt: '2026-12-01T09:15:00Z',
    ...overrides,
  };
}

export function invoice(overrides: Partial<Invoice> = {}): Invoice {
  return {
    id: 'inv-1',
    number: 'INV-2026-000042',
    orderId: '3f2a9c1b-0000-4000-8000-000000000001',
    totalMinor: 5000000,
    currency: 'NGN',
    issuedAt: '2026-11-30T09:20:00Z',
    ...overrides,
  };
}
