import { fireEvent, screen, within } from '@testing-library/react';
import { currentSession } from '../session/session';
import { problem, stubApi } from '../test/fakeApi';
import { renderApp } from '../test/renderApp';

function fillSignup(email: string, password: string, businessName: string) {
  fireEvent.change(screen.getByLabelText('Email'), { target: { value: email } });
  fireEvent.change(screen.getByLabelText('Password'), { target: { value: password } });
  fireEvent.change(screen.getByLabelText('Business name'), { target: { value: businessName } });
  fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));
}

describe('SignupPage', () => {
  it('shows the server\'s field errors next to their fields and a general error for a 400', async () => {
    stubApi({
      'POST /api/auth/signup': problem(400, 'Bad Request', {
        detail: 'Some fields are invalid.',
        errors: { email: 'must be a well-formed email address', password: 'must be at least 8 characters' },
      }),
    });
    renderApp('/signup');

    fillSignup('not-an-email', 'short', 'Linen & Co');

    expect(await screen.findByText('must be a well-formed email address')).toBeInTheDocument();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('must be a well-formed email address');
    expect(screen.getByLabelText('Email')).toBeInvalid();
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription('must be at least 8 characters');
    expect(screen.getByLabelText('Business name')).toBeValid();
    expect(screen.getByRole('alert')).toHaveTextContent('Some fields are invalid.');
    expect(currentSession()).toBeNull();
  });

  it('posts the form and says to check the email on 202, without signing in', async () => {
    const fake = stubApi({ 'POST /api/auth/signup': { status: 202, body: { status: 'CHECK_YOUR_EMAIL' } } });
    const { location } = renderApp('/signup');

    fillSignup(' ada@shop.example ', 'correct horse battery', 'Linen & Co');

    expect(await screen.findByRole('heading', { name: 'Check your email' })).toBeInTheDocument();
    expect(screen.getByText('ada@shop.example')).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');
    expect(location()).toBe('/signup');
    expect(fake.requestsTo('POST /api/auth/signup')[0]?.body).toEqual({
      email: 'ada@shop.example',
      password: 'correct horse battery',
      businessName: 'Linen & Co',
    });
    expect(currentSession()).toBeNull();
  });

  it('says too many sign-ups when throttled', async () => {
    stubApi({ 'POST /api/auth/signup': problem(429, 'Too many requests', { detail: 'Too many sign-ups. Try again later.' }) });
    renderApp('/signup');

    fillSignup('ada@shop.example', 'correct horse battery', 'Linen & Co');

    expect(await screen.findByRole('alert')).toHaveTextContent('Too many sign-ups. Try again later.');
    expect(screen.queryByRole('heading', { name: 'Check your email' })).not.toBeInTheDocument();
  });

  it('asks for empty fields without calling the server', () => {
    const fake = stubApi({});
    renderApp('/signup');

    fireEvent.click(screen.getByRole('button', { name: 'Sign up' }));

    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter your email.');
    expect(screen.getByLabelText('Business name')).toHaveAccessibleDescription('Enter the name of your business.');
    expect(fake.requests).toHaveLength(0);
  });
});
