import type { ConversationQuery } from '../api';

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
    messages: (conversationId: string) => ['conversations', 'messages', conversationId] as const,
  },
  templates: (channelId: string) => ['channels', channelId, 'templates'] as const,
  attention: ['attention'] as const,
  notifications: ['notifications'] as const,
  orders: {
    detail: (orderId: string) => ['orders', 'detail', orderId] as const,
    transactions: (orderId: string) => ['orders', 'transactions', orderId] as const,
  },
};
