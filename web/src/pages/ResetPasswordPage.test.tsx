import { fireEvent, screen, within } from '@testing-library/react';
import { problem, stubApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

function choose(password: string) {
  fireEvent.change(screen.getByLabelText('New password'), { target: { value: password } });
  fireEvent.click(screen.getByRole('button', { name: 'Set password' }));
}

describe('ResetPasswordPage', () => {
  it('sets the new password with the link\'s token and sends the user to log in', async () => {
    const fake = stubApi({ 'POST /api/auth/password-reset/confirm': { status: 204 } });
    renderApp('/reset-password?token=tok_123');

    choose('Cotton-Dresses-2027');

    expect(await screen.findByRole('heading', { name: 'Password changed' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(fake.requestsTo('POST /api/auth/password-reset/confirm')[0]?.body).toEqual({
      token: 'tok_123',
      password: 'Cotton-Dresses-2027',
    });
  });

  it('shows the password rule the server refused, and keeps the form', async () => {
    stubApi({
      'POST /api/auth/password-reset/confirm': problem(400, 'Invalid input', {
        detail: 'Some fields are invalid.',
        errors: { password: 'is too common: it is on a list of leaked passwords attackers try first' },
      }),
    });
    renderApp('/reset-password?token=tok_123');

    choose('Password1234');

    expect(await screen.findByText(/is too common/)).toBeInTheDocument();
    expect(screen.getByLabelText('New password')).toBeInvalid();
  });

  it('offers a new link when this one is used or expired (422)', async () => {
    stubApi({ 'POST /api/auth/password-reset/confirm': problem(422, 'Link invalid or expired', { code: 'INVALID_TOKEN' }) });
    renderApp('/reset-password?token=old');

    choose('Cotton-Dresses-2027');

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is invalid, was already used or has expired.');
    expect(screen.getByRole('link', { name: 'Ask for a new link' })).toHaveAttribute('href', '/forgot-password');
  });
});
