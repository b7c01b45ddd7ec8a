import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router-dom';
import { ApiError, api } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { formErrorsFrom, missingFields, noErrors, type FormErrors } from '../components/formErrors';
import { startSession } from '../session/session';
import { useActiveSession } from '../session/useActiveSession';

const fields = ['email', 'password', 'businessName'] as const;
type SignupField = (typeof fields)[number];

const required: Record<SignupField, string> = {
  email: 'Enter your email.',
  password: 'Choose a password.',
  businessName: 'Enter the name of your business.',
};

/** Creates a merchant account and its business, then opens the inbox. */
export function SignupPage() {
  const session = useActiveSession();
  const navigate = useNavigate();
  const [values, setValues] = useState<Record<SignupField, string>>({ email: '', password: '', businessName: '' });
  const [errors, setErrors] = useState<FormErrors<SignupField>>(noErrors);
  const [submitting, setSubmitting] = useState(false);
  const [emailTaken, setEmailTaken] = useState(false);

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
    setEmailTaken(false);
    try {
      const grant = await api.signup({ email: values.email.trim(), password: values.password, businessName: values.businessName.trim() });
      startSession(grant);
      navigate('/inbox', { replace: true });
    } catch (error) {
      if (error instanceof ApiError && error.status === 409) {
        setEmailTaken(true);
        setErrors({ fields: {}, general: error.detail ?? 'An account with this email already exists.' });
      } else {
        setErrors(formErrorsFrom(error, fields));
      }
      setSubmitting(false);
    }
  };

  return (
    <section className="auth-page">
      <h1>Sign up</h1>
      <p className="lead">Create your Sellavie account and your business in one step.</p>
      {errors.general && (
        <Alert>
          {errors.general}
          {emailTaken && (
            <>
              {' '}
              <Link to="/login">Log in instead</Link>
            </>
          )}
        </Alert>
      )}
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
