export function HomePage() {
  return (
    <section>
      <h1>Welcome to Sellavie</h1>
      <p>
        Sellavie answers your Instagram, Messenger and WhatsApp messages with an AI assistant and
        carries each sale through to payment.
      </p>
      <p>This console is being built: sign-up, log-in and the inbox are the next pages to arrive.</p>
    </section>
  );
}
