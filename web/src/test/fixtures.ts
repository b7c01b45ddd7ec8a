import type { AuthResponse, Channel, ConversationSummary, Message } from '../api';
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
