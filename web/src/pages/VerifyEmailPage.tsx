import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { currentSession, refreshSession, restoreSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';

type Outcome = 'verifying' | 'verified' | 'invalid' | 'failed';

/**
 * `/verify-email?token=…`, the link of the verification email: posts the token once and says whether
 * the address is now confirmed. A used, expired or unknown link says so (a signed-in user can ask for
 * a new one on the Channels page). Once confirmed, the console renews (or, on a page load, restores) its
 * session through the silent refresh, so the new access token says `email_verified: true` and Channels
 * lets them connect.
 */
export function VerifyEmailPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useActiveSession();
  const [outcome, setOutcome] = useState<Outcome>('verifying');
  const posted = useRef(false);

  useEffect(() => {
    // Once: the token is single-use, and React may run effects twice in development.
    if (posted.current) {
      return;
    }
    posted.current = true;
    api.verifyEmail(token).then(
      async () => {
        // Signed in here: renew the token. Opened from the email (a page load): restore the session
        // from the refresh cookie if this browser has one, so "Go to Channels" works at once.
        await (currentSession() ? refreshSession() : restoreSession());
        setOutcome('verified');
      },
      (error: unknown) => setOutcome(error instanceof ApiError && error.status === 422 ? 'invalid' : 'failed'),
    );
  }, [token]);

  const next = session ? (
    <Link to="/channels">Go to Channels</Link>
  ) : (
    <Link to="/login">Log in</Link>
  );

  return (
    <section className="auth-page">
      <h1>Confirm your email</h1>
      {outcome === 'verifying' && <p role="status">Confirming your address…</p>}
      {outcome === 'verified' && (
        <>
          <Alert tone="success">Your email address is confirmed. You can now connect your channels.</Alert>
          <p>{next}</p>
        </>
      )}
      {outcome === 'invalid' && (
        <>
          <Alert>This link is invalid, was already used or has expired.</Alert>
          <p>Signed in, you can ask for a new link on the Channels page. {next}</p>
        </>
      )}
      {outcome === 'failed' && <Alert>Your address could not be confirmed right now. Open the link again in a moment.</Alert>}
    </section>
  );
}
