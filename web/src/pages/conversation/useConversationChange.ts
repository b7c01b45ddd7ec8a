import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ConversationSummary, Message } from '../../api';
import { queryKeys } from '../../query/queryKeys';

/**
 * A change to the conversation (takeover, release, close, assignee, labels, read): the answer is the
 * conversation as it now is, so it replaces the cached detail at once, and every inbox list (mode,
 * assignee, labels, unread shown there) is read again.
 */
export function useConversationChange(conversationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (change: () => Promise<ConversationSummary>) => change(),
    onSuccess: (conversation) => {
      queryClient.setQueryData(queryKeys.conversations.detail(conversationId), conversation);
      return queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() });
    },
  });
}

/**
 * A message the team added (a reply, a note): the answer joins the thread at once (the next poll
 * confirms it and brings its delivery status), and the conversation's last message changed everywhere.
 */
export function useAddedMessage(conversationId: string) {
  const queryClient = useQueryClient();
  return (message: Message) => {
    queryClient.setQueryData<Message[]>(queryKeys.conversations.messages(conversationId), (messages = []) =>
      messages.some((existing) => existing.id === message.id) ? messages : [...messages, message],
    );
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.conversations.lists() }),
      queryClient.invalidateQueries({ queryKey: queryKeys.conversations.detail(conversationId) }),
    ]);
  };
}
