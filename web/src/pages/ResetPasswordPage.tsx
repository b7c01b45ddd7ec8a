import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../components/formErrors';

/**
 * `/reset-password?token=…`, the reset email's link: sets a new password (the same rules as sign-up).
 * Every session of the account ends, so the user logs in again with it.
 */
export function ResetPasswordPage() {
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<FormErrors<'password'>>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  const [done, setDone] = useState(false);
  const [linkInvalid, setLinkInvalid] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password) {
      setErrors({ fields: { password: 'Choose a new password.' }, general: null });
      return;
    }
    setSubmitting(true);
    setErrors(noErrors);
    try {
      await api.resetPassword({ token, password });
      setDone(true);
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        setLinkInvalid(true);
      } else {
        setErrors(formErrorsFrom(error, ['password'] as const));
      }
    }
    setSubmitting(false);
  };

  if (done) {
    return (
      <section className="auth-page">
        <h1>Password changed</h1>
        <Alert tone="success">Your password is changed and every device was signed out.</Alert>
        <p>
          <Link to="/login">Log in</Link>
        </p>
      </section>
    );
  }

  if (linkInvalid) {
    return (
      <section className="auth-page">
        <h1>Choose a new password</h1>
        <Alert>This link is invalid, was already used or has expired.</Alert>
        <p>
          <Link to="/forgot-password">Ask for a new link</Link>
        </p>
      </section>
    );
  }

  return (
    <section className="auth-page">
      <h1>Choose a new password</h1>
      {errors.general && <Alert>{errors.general}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field
          label="New password"
          type="password"
          autoComplete="new-password"
          value={password}
          onChange={setPassword}
          error={errors.fields.password}
        />
        <button type="submit" className="button-primary" disabled={submitting}>
          Set password
        </button>
      </form>
    </section>
  );
}
