import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError } from '../api';
import { Alert } from '../components/Alert';
import { Field } from '../components/Field';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { useRole } from '../session/role';
import { pollErrorMessage } from './pollErrors';
import { SettingsTabs } from './settings/SettingsTabs';
import { TwoFactorEnrolment } from './security/TwoFactorEnrolment';

/**
 * Settings → Security: the member's own two-factor authentication (set up, or turn off with password
 * and a code) and, for the OWNER, whether the whole team must use it.
 */
export function SecurityPage() {
  const queryClient = useQueryClient();
  const status = useQuery({ queryKey: queryKeys.twoFactor, queryFn: ({ signal }) => api.twoFactorStatus({ signal }) });
  const [enrolling, setEnrolling] = useState(false);
  const problem = pollErrorMessage(queryProblem(status));
  const refresh = () => queryClient.invalidateQueries({ queryKey: queryKeys.twoFactor });

  return (
    <section className="security-settings">
      <p className="eyebrow">Settings</p>
      <h1>Security</h1>
      <SettingsTabs />
      <h2>Two-factor authentication</h2>
      {problem && <Alert>Could not load your security settings: {problem}</Alert>}
      {status.data === undefined && !problem && <p className="muted">Loading…</p>}
      {status.data?.enabled === false && !enrolling && (
        <p className="lead">Off. Add a code from your phone to every log-in, so a stolen password is not enough.</p>
      )}
      {(status.data?.enabled === false || enrolling) && (
        <TwoFactorEnrolment
          // Keeps the recovery codes on screen until the member says they saved them.
          onEnabled={() => setEnrolling(true)}
          onDone={() => {
            setEnrolling(false);
            void refresh();
          }}
        />
      )}
      {status.data?.enabled === true && !enrolling && <DisableTwoFactor onDisabled={() => void refresh()} />}
      <TeamPolicy twoFactorOn={status.data?.enabled === true} />
    </section>
  );
}

function DisableTwoFactor({ onDisabled }: { onDisabled: () => void }) {
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!password || !code.trim()) {
      setError('Enter your password and a code from your app.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.disableTotp({ password, code: code.trim() });
      onDisabled();
    } catch (failure) {
      setError(failure instanceof ApiError && failure.status === 422
        ? 'Wrong password or code.'
        : describeError(failure));
      setBusy(false);
    }
  };

  return (
    <>
      <p className="lead">On: every log-in asks for a code from your authenticator app.</p>
      <h3>Turn off</h3>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={submit} noValidate className="form">
        <Field label="Password" type="password" autoComplete="current-password" value={password} onChange={setPassword} />
        <Field label="Code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={setCode} />
        <button type="submit" className="button-danger" disabled={busy}>
          Turn off two-factor authentication
        </button>
      </form>
    </>
  );
}

/** The OWNER's switch; other roles see the policy read-only. */
function TeamPolicy({ twoFactorOn }: { twoFactorOn: boolean }) {
  const role = useRole();
  const queryClient = useQueryClient();
  const policy = useQuery({ queryKey: queryKeys.businessSecurity, queryFn: ({ signal }) => api.businessSecurity({ signal }) });
  const [error, setError] = useState<string | null>(null);
  const required = policy.data?.requireTwoFactor;
  if (required === undefined) {
    return null;
  }

  const change = async (requireTwoFactor: boolean) => {
    setError(null);
    try {
      queryClient.setQueryData(queryKeys.businessSecurity, await api.setBusinessSecurity({ requireTwoFactor }));
    } catch (failure) {
      setError(describeError(failure));
    }
  };

  return (
    <>
      <h2>Team</h2>
      {error && <Alert>{error}</Alert>}
      {role === 'OWNER' ? (
        <label className="checkbox">
          <input
            type="checkbox"
            checked={required}
            disabled={!required && !twoFactorOn}
            onChange={(event) => void change(event.target.checked)}
          />
          Require two-factor authentication for every member
          {!required && !twoFactorOn && <span className="muted"> (turn it on for yourself first)</span>}
        </label>
      ) : (
        <p>{required ? 'Your business requires two-factor authentication.' : 'Two-factor authentication is optional in your business.'}</p>
      )}
    </>
  );
}
