import { useState, type FormEvent } from 'react';
import { Link, Navigate } from 'react-router-dom';
import { api } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, missingFields, noErrors, type FormErrors } from '../components/formErrors';
import { useActiveSession } from '../session/useActiveSession';

const fields = ['email', 'password', 'businessName'] as const;
type SignupField = (typeof fields)[number];

const required: Record<SignupField, string> = {
  email: 'Enter your email.',
  password: 'Choose a password.',
  businessName: 'Enter the name of your business.',
};

/**
 * Creates a merchant account and its business. The answer is the same whether or not the address
 * already had an account (sign-up never tells), so the page always says "check your email": a new
 * account gets a link to confirm the address, an existing one's owner a note that they already have one.
 */
export function SignupPage() {
  const session = useActiveSession();
  const [values, setValues] = useState<Record<SignupField, string>>({ email: '', password: '', businessName: '' });
  const [errors, setErrors] = useState<FormErrors<SignupField>>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  const [sentTo, setSentTo] = useState<string | null>(null);

  if (sentTo) {
    return (
      <section className="auth-page">
        <h1>Check your email</h1>
        <p className="lead">
          We sent a message to <strong>{sentTo}</strong>. Open the link in it to confirm your address.
        </p>
        <p>
          You can log in now; connecting a channel waits until your address is confirmed. No message after a few
          minutes? Look in your spam folder.
        </p>
        <p>
          <Link to="/login">Log in</Link>
        </p>
      </section>
    );
  }

  if (session && !submitting) {
    return <Navigate to="/inbox" replace />;
  }

  const set = (field: SignupField) => (value: string) => setValues((current) => ({ ...current, [field]: value }));

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
      await api.signup({ email: values.email.trim(), password: values.password, businessName: values.businessName.trim() });
      setSentTo(values.email.trim());
    } catch (error) {
      setErrors(formErrorsFrom(error, fields));
    }
    setSubmitting(false);
  };

  return (
    <section className="auth-page">
      <h1>Sign up</h1>
      <p className="lead">Create your Sellavie account and your business in one step.</p>
      {errors.general && <Alert>{errors.general}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field label="Email" type="email" autoComplete="email" value={values.email} onChange={set('email')} error={errors.fields.email} />
        <Field
          label="Password"
          type="password"
          autoComplete="new-password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <Field
          label="Business name"
          autoComplete="organization"
          value={values.businessName}
          onChange={set('businessName')}
          error={errors.fields.businessName}
        />
        <button type="submit" className="button-primary" disabled={submitting}>
          Sign up
        </button>
      </form>
      <p>
        Already have an account? <Link to="/login">Log in</Link>
      </p>
    </section>
  );
}
