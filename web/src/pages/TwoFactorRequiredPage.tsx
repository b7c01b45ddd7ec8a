import { useNavigate } from 'react-router-dom';
import { refreshSession } from '../session/session';
import { TwoFactorEnrolment } from './security/TwoFactorEnrolment';

/**
 * Where a member lands when the business requires 2FA and they have not set it up: their token opens
 * nothing else. Once enrolled, a refresh brings a normal token and the console opens.
 */
export function TwoFactorRequiredPage() {
  const navigate = useNavigate();
  return (
    <section className="auth-page">
      <h1>Set up two-factor authentication</h1>
      <p>Your business requires two-factor authentication. Set it up to continue.</p>
      <TwoFactorEnrolment
        onDone={() => {
          void refreshSession().then(() => navigate('/inbox', { replace: true }));
        }}
      />
    </section>
  );
}
