import { useEffect, useState } from 'react';
import { api } from '../../api';
import { contactName } from '../InboxPage';

/**
 * Who each conversation is with (conversation id -> contact name), read once from the inbox list: an
 * order carries only its conversation and contact ids. Best effort: without it the order links to
 * "Conversation".
 */
export function useContactNames(): Record<string, string> {
  const [names, setNames] = useState<Record<string, string>>({});
  useEffect(() => {
    const controller = new AbortController();
    api
      .conversations({ signal: controller.signal })
      .then((conversations) =>
        setNames(Object.fromEntries(conversations.map((conversation) => [conversation.id, contactName(conversation.contact)]))),
      )
      .catch(() => {
        // Names are a nicety; the orders themselves report real problems.
      });
    return () => controller.abort();
  }, []);
  return names;
}
