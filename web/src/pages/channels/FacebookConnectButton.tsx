import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, describeError } from '../../api';
import { Alert } from '../../components/Alert';
import { queryKeys } from '../../query/queryKeys';
import { browser } from './browser';
import { isEmailNotVerified, type ConnectBlock } from './EmailVerificationBanner';

/**
 * "Connect with Facebook" (Facebook Login for Business): asks the server for Meta's dialog URL and sends
 * the browser there; Meta comes back to /channels/facebook/callback. When the installation has no Meta
 * app configured, or the member has not confirmed their email address, the button is disabled and the reason shown.
 */
export function FacebookConnectButton({
  blocked = null,
  onUnverified,
}: {
  blocked?: ConnectBlock;
  /** The server refused with 403 EMAIL_NOT_VERIFIED. */
  onUnverified?: () => void;
}) {
  const availability = useQuery({
    queryKey: queryKeys.facebookLogin,
    queryFn: ({ signal }) => api.facebookLoginAvailability({ signal }),
    retry: false,
  });
  const start = useMutation({ mutationFn: () => api.startFacebookLogin() });
  const [error, setError] = useState<string | null>(null);

  const begin = async () => {
    setError(null);
    try {
      const started = await start.mutateAsync();
      browser.assign(started.authorizeUrl);
    } catch (failure) {
      if (failure instanceof ApiError && failure.status === 401) {
        return; // The session ended; the route guard is taking the user to log-in.
      }
      if (isEmailNotVerified(failure) && onUnverified) {
        onUnverified();
        return;
      }
      setError(failure instanceof ApiError && failure.detail ? failure.detail : describeError(failure));
    }
  };

  const configured = availability.data?.configured === true;
  return (
    <div className="card facebook-connect">
      <h2>Connect with Facebook</h2>
      <p className="muted">
        Sign in with Facebook and pick your Pages, Instagram accounts and WhatsApp numbers: no token to copy.
      </p>
      {error && <Alert>{error}</Alert>}
      {availability.data && !configured && (
        <p className="field-hint">{availability.data.detail ?? 'Facebook Login is not configured.'}</p>
      )}
      {availability.isError && <p className="field-hint">Facebook Login is unavailable right now.</p>}
      {blocked && configured && <p className="field-hint">{blocked.reason}</p>}
      <button
        type="button"
        className="button-primary"
        disabled={!configured || start.isPending || blocked !== null}
        aria-describedby={blocked?.describedBy}
        onClick={() => void begin()}
      >
        Connect with Facebook
      </button>
    </div>
  );
}
