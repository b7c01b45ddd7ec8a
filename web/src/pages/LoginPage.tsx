import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api, isMfaChallenge } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, missingFields, noErrors, type FormErrors } from '../components/formErrors';
import type { LoginRedirectState } from '../session/RequireAuth';
import { startSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';

const fields = ['email', 'password'] as const;
type LoginField = (typeof fields)[number];

const required: Record<LoginField, string> = {
  email: 'Enter your email.',
  password: 'Enter your password.',
};

/** Throttled (429): how long to wait, from `Retry-After`, in words. */
function tooManyAttempts(seconds: number | undefined): string {
  if (seconds === undefined) {
    return 'Too many failed log-ins. Try again later.';
  }
  const wait = seconds < 60 ? `${seconds} second${seconds === 1 ? '' : 's'}` : `${Math.ceil(seconds / 60)} minutes`;
  return `Too many failed log-ins. Try again in ${wait}.`;
}

/** Logs a merchant in and takes them back where they were headed (the inbox by default). */
export function LoginPage() {
  const session = useActiveSession();
  const navigate = useNavigate();
  const location = useLocation();
  const from = (location.state as LoginRedirectState | null)?.from;
  const destination = from && from !== '/login' ? from : '/inbox';
  const [values, setValues] = useState<Record<LoginField, string>>({ email: '', password: '' });
  const [errors, setErrors] = useState<FormErrors<LoginField>>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  // Set when the password was right and 2FA is on: the second step asks for a code.
  const [challenge, setChallenge] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (session && !submitting) {
    return <Navigate to={destination} replace />;
  }

  const set = (field: LoginField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const missing = missingFields(values, required);
    if (Object.keys(missing).length > 0) {
      setErrors({ fields: missing, general: null });
      return;
    }
    setSubmitting(true);
    setErrors(noErrors);
    setNotice(null);
    try {
      const answer = await api.login({ email: values.email.trim(), password: values.password });
      if (isMfaChallenge(answer)) {
        setChallenge(answer.challenge);
        setSubmitting(false);
        return;
      }
      startSession(answer);
      navigate(destination, { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        // Deliberately the same message whichever of the two was wrong.
        setErrors({ fields: {}, general: 'Wrong email or password.' });
      } else if (error instanceof ApiError && error.status === 429) {
        setErrors({ fields: {}, general: tooManyAttempts(error.retryAfterSeconds) });
      } else {
        setErrors(formErrorsFrom(error, fields));
      }
      setSubmitting(false);
    }
  };

  if (challenge) {
    return (
      <SecondFactorStep
        challenge={challenge}
        onSignedIn={() => navigate(destination, { replace: true })}
        onChallengeOver={(message) => {
          setChallenge(null);
          setValues((current) => ({ ...current, password: '' }));
          setNotice(message);
        }}
      />
    );
  }

  return (
    <section className="auth-page">
      <h1>Log in</h1>
      {notice && <Alert tone="warning">{notice}</Alert>}
      {from && !errors.general && <Alert tone="warning">Please log in to continue.</Alert>}
      {errors.general && <Alert>{errors.general}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field label="Email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.fields.email} />
        <Field
          label="Password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <button type="submit" className="button-primary" disabled={submitting}>
          Log in
        </button>
      </form>
      <p>
        <Link to="/forgot-password">Forgot password?</Link>
      </p>
      <p>
        New to Sellavie? <Link to="/signup">Sign up</Link>
      </p>
    </section>
  );
}

/**
 * The log-in's second step: a code from the authenticator app, or one of the recovery codes. A wrong
 * code may be retried (the server allows a few per challenge); a used-up or expired challenge sends the
 * member back to the password.
 */
function SecondFactorStep({
  challenge,
  onSignedIn,
  onChallengeOver,
}: {
  challenge: string;
  onSignedIn: () => void;
  onChallengeOver: (message: string) => void;
}) {
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [submitting, setSubmitting] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError('Enter the code from your authenticator app.');
      return;
    }
    setSubmitting(true);
    setError(null);
    try {
      startSession(await api.mfa({ challenge, code: code.trim() }));
      onSignedIn();
    } catch (failure) {
      setSubmitting(false);
      if (failure instanceof ApiError && failure.status === 401 && failure.title === 'Invalid challenge') {
        onChallengeOver('That sign-in attempt has expired. Log in again.');
      } else if (failure instanceof ApiError && failure.status === 401) {
        setCode('');
        setError('That code is wrong or was already used. Try the next one.');
      } else if (failure instanceof ApiError && failure.status === 429) {
        onChallengeOver('Too many wrong codes. Wait a few minutes, then log in again.');
      } else {
        setError(failure instanceof ApiError ? failure.message : 'Could not check the code. Try again.');
      }
    }
  };

  return (
    <section className="auth-page">
      <h1>Two-factor authentication</h1>
      <p>Enter the 6-digit code from your authenticator app, or one of your recovery codes.</p>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field
          label="Authentication code"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
        />
        <button type="submit" className="button-primary" disabled={submitting}>
          Verify
        </button>
      </form>
    </section>
  );
}
