import { fireEvent, screen } from '@testing-library/react';
import { problem, stubApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

function ask(email: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.click(screen.getByRole('button', { name: 'Send reset link' }));
}

describe('ForgotPasswordPage', () => {
  it('is reached from the log-in page', async () => {
    stubApi({});
    renderApp('/login');

    fireEvent.click(screen.getByRole('link', { name: 'Forgot password?' }));

    expect(await screen.findByRole('heading', { name: 'Forgot your password?' })).toBeInTheDocument();
  });

  it('asks for a reset link and answers without telling whether an account exists', async () => {
    const fake = stubApi({ 'POST /api/auth/password-reset': { status: 202 } });
    renderApp('/forgot-password');

    ask(' ada@shop.example ');

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByText(/If an account uses/)).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/auth/password-reset')[0]?.body).toEqual({ email: 'ada@shop.example' });
  });

  it('shows a malformed address next to the field', async () => {
    stubApi({
      'POST /api/auth/password-reset': problem(400, 'Invalid input', {
        detail: 'Some fields are invalid.',
        errors: { email: 'must be a valid email address, like name@example.com' },
      }),
    });
    renderApp('/forgot-password');

    ask('nope');

    expect(await screen.findByText('must be a valid email address, like name@example.com')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toBeInvalid();
  });

  it('says to wait when throttled', async () => {
    stubApi({ 'POST /api/auth/password-reset': problem(429, 'Too many requests') });
    renderApp('/forgot-password');

    ask('ada@shop.example');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many requests. Try again later.');
  });
});
