import type { ActivityQuery, ConversationQuery, OrderStatus, ProductFilter, RevenueQuery } from '../api';

/**
 * One key per resource, so a change invalidates exactly what shows it. Keys nest: invalidating
 * `conversations.all` refreshes every inbox list and every conversation's detail.
 */
export const queryKeys = {
  conversations: {
    all: ['conversations'] as const,
    lists: () => ['conversations', 'list'] as const,
    list: (filter: Omit<ConversationQuery, 'cursor'>) => ['conversations', 'list', filter] as const,
    names: () => ['conversations', 'names'] as const,
    detail: (conversationId: string) => ['conversations', 'detail', conversationId] as const,
    /**
     * The contact as shown in a conversation: by conversation, because the live feed's `conversation`
     * event (which a contact's change also fires) names the conversation, not the contact.
     */
    contacts: (conversationId: string) => ['conversations', 'contact', conversationId] as const,
    contact: (conversationId: string, contactId: string) => ['conversations', 'contact', conversationId, contactId] as const,
    messages: (conversationId: string) => ['conversations', 'messages', conversationId] as const,
  },
  sandboxConversation: ['conversations', 'sandbox'] as const,
  channels: ['channels'] as const,
  facebookLogin: ['facebookLogin'] as const,
  templates: (channelId: string) => ['channels', channelId, 'templates'] as const,
  paymentProviders: ['paymentProviders'] as const,
  handoffSettings: ['handoffSettings'] as const,
  aiSettings: ['aiSettings'] as const,
  aiUsage: (from: string, to: string) => ['aiUsage', from, to] as const,
  knowledge: ['knowledge'] as const,
  commentSettings: ['commentSettings'] as const,
  sessions: ['sessions'] as const,
  twoFactor: ['two-factor'] as const,
  businessSecurity: ['business-security'] as const,
  members: ['members'] as const,
  invitations: ['invitations'] as const,
  businesses: ['businesses'] as const,
  revenue: (range: RevenueQuery) => ['revenue', range] as const,
  productsAll: ['products'] as const,
  products: (filter: ProductFilter) => ['products', filter] as const,
  attention: ['attention'] as const,
  notifications: ['notifications'] as const,
  notificationPreferences: ['notification-preferences'] as const,
  invoices: ['invoices'] as const,
  privacyRequests: ['privacy-requests'] as const,
  orders: {
    lists: () => ['orders', 'list'] as const,
    list: (status: OrderStatus | '') => ['orders', 'list', status] as const,
    detail: (orderId: string) => ['orders', 'detail', orderId] as const,
    transactions: (orderId: string) => ['orders', 'transactions', orderId] as const,
  },
  businessProfile: ['business-profile'] as const,
  activity: (filter: Omit<ActivityQuery, 'cursor'>) => ['activity', filter] as const,
  /** A contact's consent records (GET /api/contacts/{id}/consents). */
  consents: (contactId: string) => ['consents', contactId] as const,
};
