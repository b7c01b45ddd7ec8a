import { useMutation } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, describeError } from '../../api';

/** Why the connect controls are disabled while the member's address is unconfirmed. */
export const unverifiedReason = 'Confirm your email address to connect a channel.';

/** Why connecting is refused for now, and the element that explains it (for `aria-describedby`). */
export type ConnectBlock = { reason: string; describedBy: string } | null;

/** Whether a failed call is the server's "confirm your email first" (403 EMAIL_NOT_VERIFIED). */
export function isEmailNotVerified(error: unknown): boolean {
  return error instanceof ApiError && error.status === 403 && error.code === 'EMAIL_NOT_VERIFIED';
}

/**
 * Shown on the Channels page while the member has not confirmed their email address: connecting a
 * channel is refused until they do. Offers to send the link again (the server allows once a minute).
 */
export function EmailVerificationBanner({ email, id }: { email: string; id: string }) {
  const resend = useMutation({ mutationFn: () => api.resendVerification() });
  const [outcome, setOutcome] = useState<string | null>(null);

  const send = async () => {
    setOutcome(null);
    try {
      await resend.mutateAsync();
      setOutcome('Sent. Check your inbox.');
    } catch (error) {
      if (error instanceof ApiError && error.status === 429) {
        const seconds = error.retryAfterSeconds;
        setOutcome(`A link was sent a moment ago: wait a minute${seconds ? ` (${seconds} s)` : ''} before asking again.`);
      } else if (!(error instanceof ApiError && error.status === 401)) {
        setOutcome(`The link could not be sent: ${describeError(error)}`);
      }
    }
  };

  return (
    <div className="alert alert-warning email-verification" role="status" id={id}>
      <p>
        {unverifiedReason} We sent a link to <strong>{email}</strong>.
      </p>
      <button type="button" className="button-link" disabled={resend.isPending} onClick={() => void send()}>
        Send the link again
      </button>
      {outcome && <p className="email-verification-outcome">{outcome}</p>}
    </div>
  );
}
