import { useState, type FormEvent } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';
import { startSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';

/**
 * `/invite?token=…`, the invitation's accept link. A new member sets a password; someone who already
 * has an account accepts as the signed-in user, or with their password. Either way they end up signed
 * in to the business they joined. A used, expired or revoked link says so.
 */
export function AcceptInvitationPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const session = useActiveSession();
  const navigate = useNavigate();
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<'password'>>(noErrors);
  const [needsPassword, setNeedsPassword] = useState(false);
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
        setNeedsPassword(true);
        setErrors({
          fields: {},
          general: withPassword
            ? 'This address already has an account and that password is not its password.'
            : 'This invitation is for another address: enter its password, or log in as it first.',
        });
      } else {
        setErrors(formErrorsFrom(error, ['password'] as const));
      }
      setSubmitting(false);
    }
  };

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
            hint="New to Sellavie? Choose a password (at least 10 characters). Already have an account? Enter its password."
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
