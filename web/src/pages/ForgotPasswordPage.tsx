import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address has an
 * account, so the page never says which.
 */
export function ForgotPasswordPage() {
  const [email, setEmail] = useState('');
  const [errors, setErrors] = useState<FormErrors<'email'>>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!email.trim()) {
      setErrors({ fields: { email: 'Enter your email.' }, general: null });
      return;
    }
    setSubmitting(true);
    setErrors(noErrors);
    try {
      await api.requestPasswordReset(email.trim());
      setSentTo(email.trim());
    } catch (error) {
      setErrors(
        error instanceof ApiError && error.status === 429
          ? { fields: {}, general: 'Too many requests. Try again later.' }
          : formErrorsFrom(error, ['email'] as const),
      );
    }
    setSubmitting(false);
  };

  if (sentTo) {
    return (
      <section className="auth-page">
        <h1>Check your email</h1>
        <p className="lead">
          If an account uses <strong>{sentTo}</strong>, we sent it a link to choose a new password. The link works for one
          hour.
        </p>
        <p>
          <Link to="/login">Back to log in</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="auth-page">
      <h1>Forgot your password?</h1>
      <p className="lead">Enter your email and we will send you a link to choose a new password.</p>
      {errors.general && <Alert>{errors.general}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field label="Email" type="email" autoComplete="email" value={email} onChange={setEmail} error={errors.fields.email} />
        <button type="submit" className="button-primary" disabled={submitting}>
          Send reset link
        </button>
      </form>
      <p>
        <Link to="/login">Back to log in</Link>
      </p>
    </section>
  );
}
