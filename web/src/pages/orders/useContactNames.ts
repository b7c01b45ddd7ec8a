import { useQuery } from '@tanstack/react-query';
import { api } from '../../api';
import { queryKeys } from '../../query/queryKeys';
import { contactName } from '../InboxPage';

/**
 * Who each conversation is with (conversation id -> contact name), read once from the inbox list: an
 * order carries only its conversation and contact ids. Best effort: without it the order links to
 * "Conversation".
 */
export function useContactNames(): Record<string, string> {
  const query = useQuery({
    queryKey: queryKeys.conversations.names(),
    queryFn: async ({ signal }) =>
      Object.fromEntries(
        (await api.conversations({ signal })).map((conversation) => [conversation.id, contactName(conversation.contact)]),
      ),
    // Names are a nicety; the orders themselves report real problems.
    retry: false,
  });
  return query.data ?? {};
}
