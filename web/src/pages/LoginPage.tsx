import { useState, type FormEvent } from 'react';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api';
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
    try {
      startSession(await api.login({ email: values.email.trim(), password: values.password }));
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

  return (
    <section className="auth-page">
      <h1>Log in</h1>
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
        New to Sellavie? <Link to="/signup">Sign up</Link>
      </p>
    </section>
  );
}
