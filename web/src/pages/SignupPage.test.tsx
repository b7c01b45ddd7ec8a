import { fireEvent, screen } from '@testing-library/react';
import { currentSession } from '../session/session';
import { ok, problem, stubApi } from '../test/fakeApi';
import { authResponse } from '../test/fixtures';
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

  it('posts the form, stores the token and opens the inbox on 201', async () => {
    const fake = stubApi({
      'POST /api/auth/signup': { status: 201, body: authResponse({ accessToken: 'new-token' }) },
      'GET /api/conversations': ok([]),
    });
    const { location } = renderApp('/signup');

    fillSignup(' ada@shop.example ', 'correct horse battery', 'Linen & Co');

    expect(await screen.findByRole('heading', { name: 'Inbox' })).toBeInTheDocument();
    expect(location()).toBe('/inbox');
    expect(fake.requestsTo('POST /api/auth/signup')[0]?.body).toEqual({
      email: 'ada@shop.example',
      password: 'correct horse battery',
      businessName: 'Linen & Co',
    });
    expect(window.sessionStorage.length).toBe(0);
    expect(fake.requestsTo('GET /api/conversations')[0]?.headers.authorization).toBe('Bearer new-token');
  });

  it('says an email is taken on 409 and offers to log in instead', async () => {
    stubApi({ 'POST /api/auth/signup': problem(409, 'Conflict', { detail: 'An account with this email already exists.' }) });
    renderApp('/signup');

    fillSignup('ada@shop.example', 'correct horse battery', 'Linen & Co');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('An account with this email already exists.');
    expect(screen.getByRole('link', { name: 'Log in instead' })).toHaveAttribute('href', '/login');
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
