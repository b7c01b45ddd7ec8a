import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type TotpEnrolment } from '../../api';
import { Alert } from '../../components/Alert';
import { Field } from '../../components/Field';

/**
 * Turning 2FA on: scan the QR code (or type the secret) into an authenticator app, confirm with its
 * first code, then keep the ten recovery codes, which are shown this once only.
 */
export function TwoFactorEnrolment({ onEnabled, onDone }: { onEnabled?: () => void; onDone: () => void }) {
  const [enrolment, setEnrolment] = useState<TotpEnrolment | null>(null);
  const [code, setCode] = useState('');
  const [recoveryCodes, setRecoveryCodes] = useState<string[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const start = async () => {
    setBusy(true);
    setError(null);
    try {
      setEnrolment(await api.enrolTotp());
    } catch (failure) {
      setError(describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  const confirm = async (event: FormEvent) => {
    event.preventDefault();
    if (!code.trim()) {
      setError('Enter the 6-digit code your app shows.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const answer = await api.confirmTotp(code.trim());
      setRecoveryCodes(answer.recoveryCodes);
      onEnabled?.();
    } catch (failure) {
      setCode('');
      setError(failure instanceof ApiError && failure.status === 422
        ? 'That code is wrong or expired. Enter the one your app shows now.'
        : describeError(failure));
    } finally {
      setBusy(false);
    }
  };

  if (recoveryCodes) {
    return (
      <div className="two-factor-recovery">
        <Alert tone="success">Two-factor authentication is on.</Alert>
        <p>
          Keep these recovery codes somewhere safe. Each one logs you in once if you lose your phone. They are shown
          only now.
        </p>
        <ul aria-label="Recovery codes" className="recovery-codes">
          {recoveryCodes.map((recovery) => (
            <li key={recovery}>
              <code>{recovery}</code>
            </li>
          ))}
        </ul>
        <button type="button" className="button-primary" onClick={onDone}>
          I have saved my recovery codes
        </button>
      </div>
    );
  }

  if (!enrolment) {
    return (
      <div>
        {error && <Alert>{error}</Alert>}
        <button type="button" className="button-primary" disabled={busy} onClick={() => void start()}>
          Set up two-factor authentication
        </button>
      </div>
    );
  }

  return (
    <div className="two-factor-enrolment">
      <p>Scan this QR code with your authenticator app (Google Authenticator, 1Password, Authy…).</p>
      <img src={`data:image/png;base64,${enrolment.qrPng}`} alt="QR code for your authenticator app" width={200} height={200} />
      <p>
        Or type this key: <code aria-label="Secret key">{enrolment.secret}</code>
      </p>
      {error && <Alert>{error}</Alert>}
      <form onSubmit={confirm} noValidate className="form">
        <Field
          label="Code from your app"
          inputMode="numeric"
          autoComplete="one-time-code"
          value={code}
          onChange={setCode}
        />
        <button type="submit" className="button-primary" disabled={busy}>
          Turn on
        </button>
      </form>
    </div>
  );
}
