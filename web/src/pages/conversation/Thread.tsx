import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import { api, describeError, type Attachment, type DeliveryActionResult, type Message, type Reaction } from '../../api';
import { DeliveryStatus } from '../../components/DeliveryStatus';
import { answeredByLabel } from '../../format/provider';
import { formatDateTime } from '../../format/time';
import { queryKeys } from '../../query/queryKeys';

type Author = { kind: 'customer' | 'ai' | 'member' | 'system' | 'note'; label: string; title?: string };

/**
 * Who wrote it, shown apart: the customer (left), the assistant, a team member, Sellavie itself
 * (checkout links, receipts), or an internal note (never sent). ASSISTANT is the assistant's name
 * before issue 8; an outbound message without an author predates authors, when only the assistant replied.
 */
function authorOf(message: Message, contact: string, me: string | undefined): Author {
  const memberName = message.authorId && message.authorId === me ? 'You' : 'Team member';
  if (message.direction === 'INTERNAL') {
    return { kind: 'note', label: `Internal note · ${memberName}`, title: 'Only your team sees this note' };
  }
  if (message.direction === 'INBOUND') {
    return { kind: 'customer', label: contact };
  }
  switch (message.authorType) {
    case 'SYSTEM':
      return { kind: 'system', label: 'Sellavie', title: 'Sent by Sellavie: checkout links, payment confirmations and receipts' };
    case 'MEMBER':
      return { kind: 'member', label: memberName };
    default:
      return { kind: 'ai', label: 'Assistant', title: 'Written by your AI assistant' };
  }
}

const classes: Record<Author['kind'], string> = {
  customer: 'message message-inbound',
  ai: 'message message-outbound message-ai',
  member: 'message message-outbound message-member',
  system: 'message message-outbound message-system',
  note: 'message message-note',
};

const failureReasons: Record<string, string> = {
  OUTSIDE_MESSAGING_WINDOW: "Not sent: the customer's messaging window had closed.",
  HANDED_OFF: 'Not sent: the conversation had been taken over by the team.',
  PRIVATE_REPLY_WINDOW_CLOSED: 'Not sent: Meta accepts a private reply only within 7 days of the comment.',
  COMMENT_ALREADY_ANSWERED: 'Not sent: this comment already has its private reply (Meta allows one).',
};

export function Thread({
  conversationId,
  messages,
  contact,
  me,
}: {
  conversationId: string;
  messages: Message[];
  contact: string;
  me: string | undefined;
}) {
  const end = useRef<HTMLLIElement>(null);
  const count = messages.length;
  useEffect(() => {
    // Follow the conversation when a message arrives; not on every poll, so reading older ones is not interrupted.
    end.current?.scrollIntoView?.({ block: 'end' });
  }, [count]);

  return (
    <ol className="thread" aria-label="Messages">
      {messages.map((message, index) => {
        const author = authorOf(message, contact, me);
        const sent = author.kind !== 'customer' && author.kind !== 'note';
        return (
          <li key={message.id} ref={index === count - 1 ? end : undefined} className={classes[author.kind]}>
            {author.kind === 'customer' ? (
              <span className="visually-hidden">{author.label}:</span>
            ) : (
              <p className="message-author" title={author.title}>
                {author.label}
                <span className="visually-hidden">:</span>
              </p>
            )}
            {author.kind === 'ai' && message.answeredBy && (
              <p className="message-answered-by" title="The AI provider and model that wrote this reply">
                <span className="visually-hidden">Answered by </span>
                {answeredByLabel(message.answeredBy)}
              </p>
            )}
            {message.kind === 'COMMENT' && <p className="message-kind">Commented on a post</p>}
            {message.privateReplyTo && <p className="message-kind">Private reply to their comment</p>}
            {message.text && <p className="message-text">{message.text}</p>}
            {!message.text && !message.attachments?.length && (
              <p className="message-text">
                <em>(no text)</em>
              </p>
            )}
            {message.attachments && message.attachments.length > 0 && <Attachments attachments={message.attachments} />}
            {message.reactions && message.reactions.length > 0 && <Reactions reactions={message.reactions} />}
            <p className="message-meta">
              <time dateTime={message.sentAt}>{formatDateTime(message.sentAt)}</time>
              {sent && message.deliveryStatus && <DeliveryStatus status={message.deliveryStatus} />}
            </p>
            {sent && message.failureReason && failureReasons[message.failureReason] && (
              <p className="message-failure">{failureReasons[message.failureReason]}</p>
            )}
            {sent && message.deliveryStatus === 'UNKNOWN' && (
              <UnknownDeliveryActions conversationId={conversationId} messageId={message.id} />
            )}
          </li>
        );
      })}
    </ol>
  );
}

const attachmentNames: Record<string, string> = {
  audio: 'Audio',
  video: 'Video',
  file: 'File',
  image: 'Image',
  sticker: 'Sticker',
  share: 'Shared post',
  story_reply: 'Reply to your story',
  story_mention: 'Mention in a story',
  location: 'Location',
};

function attachmentName(type: string): string {
  return attachmentNames[type] ?? (type.charAt(0).toUpperCase() + type.slice(1)).replaceAll('_', ' ');
}

/**
 * Images as thumbnails linking to the full picture; anything else as a link to the file. WhatsApp media
 * has only an id (no link): it is named, with its caption, and the team opens it in WhatsApp. A location
 * links to the map at its coordinates.
 */
function Attachments({ attachments }: { attachments: Attachment[] }) {
  return (
    <div className="message-attachments">
      {attachments.map((attachment, index) => {
        const name = attachmentName(attachment.type);
        const href = attachment.url ?? mapLink(attachment);
        const caption = attachment.caption ? <span className="attachment-caption">{attachment.caption}</span> : null;
        if (attachment.type === 'image' && attachment.url) {
          return (
            <a key={index} href={attachment.url} target="_blank" rel="noopener noreferrer" className="attachment-image">
              <img src={attachment.url} alt={attachment.caption || `Image ${index + 1}`} loading="lazy" />
            </a>
          );
        }
        if (!href) {
          return (
            <p key={index} className="attachment-file attachment-unlinked">
              {name}
              {attachment.mediaId ? ' (open it in WhatsApp)' : ''}
              {caption && <>: {caption}</>}
            </p>
          );
        }
        return (
          <p key={index} className="attachment-file">
            <a href={href} target="_blank" rel="noopener noreferrer">
              {attachment.type === 'location' ? name : `${name} attachment`}
            </a>
            {caption && <>: {caption}</>}
          </p>
        );
      })}
    </div>
  );
}

function mapLink({ latitude, longitude }: Attachment): string | null {
  if (typeof latitude !== 'number' || typeof longitude !== 'number') {
    return null;
  }
  return `https://www.openstreetmap.org/?mlat=${latitude}&mlon=${longitude}#map=16/${latitude}/${longitude}`;
}

/** The customer's reactions to a message, e.g. ❤️ on the assistant's reply. */
function Reactions({ reactions }: { reactions: Reaction[] }) {
  const label = `Customer reacted ${reactions.map((reaction) => reaction.emoji).join(' ')}`;
  return (
    <p className="message-reactions" title={label}>
      <span aria-hidden="true">{reactions.map((reaction) => reaction.emoji).join(' ')}</span>
      <span className="visually-hidden">{label}</span>
    </p>
  );
}

/**
 * The team's two answers to an UNKNOWN delivery, once they have looked on Instagram: send it again,
 * or record that it did arrive (nothing is sent). The answer is the message's new state: it shows at
 * once in the thread (whose next poll confirms it), and Needs attention is read again.
 */
function UnknownDeliveryActions({ conversationId, messageId }: { conversationId: string; messageId: string }) {
  const queryClient = useQueryClient();
  const action = useMutation({
    mutationFn: (call: () => Promise<DeliveryActionResult>) => call(),
    onSuccess: (result) => {
      queryClient.setQueryData<Message[]>(queryKeys.conversations.messages(conversationId), (messages) =>
        messages?.map((message) => (message.id === result.id ? { ...message, deliveryStatus: result.deliveryStatus } : message)),
      );
      return queryClient.invalidateQueries({ queryKey: queryKeys.attention });
    },
  });
  const busy = action.isPending;

  return (
    <div className="delivery-actions" role="group" aria-label="What to do with this message">
      <button
        type="button"
        className="button-link"
        disabled={busy}
        onClick={() => action.mutate(() => api.resendMessage(conversationId, messageId))}
      >
        Resend
      </button>
      <button
        type="button"
        className="button-link"
        disabled={busy}
        onClick={() => action.mutate(() => api.markMessageDelivered(conversationId, messageId))}
      >
        Mark as delivered
      </button>
      {action.error && (
        <span className="field-error" role="alert">
          {describeError(action.error)}
        </span>
      )}
    </div>
  );
}
