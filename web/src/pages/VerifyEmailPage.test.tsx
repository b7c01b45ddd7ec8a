import { screen, within } from '@testing-library/react';
import { problem, stubApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

describe('VerifyEmailPage', () => {
  it('posts the link\'s token once and says the address is confirmed', async () => {
    const fake = stubApi({ 'POST /api/auth/email-verification': { status: 204 } });
    renderApp('/verify-email?token=abc_DEF-123');

    expect(await screen.findByText('Your email address is confirmed. You can now connect your channels.')).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/auth/email-verification')).toHaveLength(1);
    expect(fake.requestsTo('POST /api/auth/email-verification')[0]?.body).toEqual({ token: 'abc_DEF-123' });
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
  });

  it('says a used or expired link is invalid (422)', async () => {
    stubApi({
      'POST /api/auth/email-verification': problem(422, 'Link invalid or expired', { code: 'INVALID_TOKEN' }),
    });
    renderApp('/verify-email?token=used');

    expect(await screen.findByRole('alert')).toHaveTextContent('This link is invalid, was already used or has expired.');
  });
});
