import { Link, Navigate } from 'react-router-dom';
import { useActiveSession } from '../session/useActiveSession';

/** The front door: signed-in merchants go straight to their inbox. */
export function HomePage() {
  const session = useActiveSession();
  if (session) {
    return <Navigate to="/inbox" replace />;
  }
  return (
    <section>
      <h1>Welcome to Sellavie</h1>
      <p>
        Sellavie answers your Instagram, Messenger and WhatsApp messages with an AI assistant and
        carries each sale through to payment.
      </p>
      <p>
        <Link to="/signup" className="button-primary">
          Create an account
        </Link>{' '}
        or <Link to="/login">log in</Link>.
      </p>
    </section>
  );
}
