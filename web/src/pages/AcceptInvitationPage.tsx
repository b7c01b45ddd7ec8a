import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import type { LoginRedirectState } from '../session/RequireAuth';
import { startSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';

/**
 * `/invite?token=…`, the invitation's accept link. A new member sets a password; someone who already
 * has an account logs in as it first (its throttling and second factor apply) and accepts as the
 * signed-in user. Either way they end up signed in to the business they joined. A used, expired or
 * revoked link says so.
 */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useActiveSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<'password'>>(noErrors);
  const [needsPassword, setNeedsPassword] = useState(false);
  const [needsLogIn, setNeedsLogIn] = useState(false);
  const [submitting, setSubmitting] = useState(false);

  const accept = async (withPassword: boolean) => {
    setSubmitting(true);
    setErrors(noErrors);
    try {
      const grant = await api.acceptInvitation(
        withPassword ? { token, password } : { token },
        withPassword ? null : session,
      );
      startSession(grant);
      navigate('/inbox', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // The invited address already has an account: only that account, signed in, can accept.
        setNeedsPassword(true);
        setNeedsLogIn(true);
        setErrors({
          fields: {},
          general: withPassword
            ? 'This address already has a Sellavie account: log in as it, then open this link again.'
            : 'This invitation is for another address: log in as that account, then open this link again.',
        });
      } else {
        setErrors(formErrorsFrom(error, ['password'] as const));
      }
      setSubmitting(false);
    }
  };

  const loginState: LoginRedirectState = { from: `/invite?token=${encodeURIComponent(token)}` };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void accept(true);
  };

  if (!token) {
    return (
      <section className="auth-page">
        <h1>Join a business</h1>
        <Alert>This link has no invitation in it. Ask for a new invitation link.</Alert>
      </section>
    );
  }

  return (
    <section className="auth-page">
      <h1>Join a business</h1>
      <p className="lead">You were invited to a business on Sellavie.</p>
      {errors.general && <Alert>{errors.general}</Alert>}
      {needsLogIn && (
        <p>
          <Link to="/login" state={loginState}>
            Log in to accept
          </Link>
        </p>
      )}
      {session && !needsPassword ? (
        <button type="button" className="button-primary" disabled={submitting} onClick={() => void accept(false)}>
          Accept as {session.user.email}
        </button>
      ) : (
        <form onSubmit={submit} aria-label="Accept the invitation">
          <Field
            label="Password"
            type="password"
            autoComplete="new-password"
            value={password}
            onChange={setPassword}
            error={errors.fields.password}
            hint="New to Sellavie? Choose a password (at least 12 characters). Already have an account? Log in first, then open this link again."
            required
          />
          <button type="submit" className="button-primary" disabled={submitting}>
            Accept invitation
          </button>
        </form>
      )}
    </section>
  );
}
