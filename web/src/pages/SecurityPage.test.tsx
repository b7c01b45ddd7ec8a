import { fireEvent, screen, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signIn, signInAs, tokenWithClaims } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const enrolment = { secret: 'JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP', otpauthUri: 'otpauth://totp/ada?secret=x', qrPng: 'iVBORw0KGgo=' };
const recoveryCodes = Array.from({ length: 10 }, (_, i) => `code-${i}-aaaa-bbbb`);

describe('SecurityPage', () => {
  it('sets up two-factor authentication: QR and secret, confirm with a code, recovery codes shown once', async () => {
    signInAs('AGENT');
    const fake = stubApi({
      'GET /api/auth/totp': [ok({ enabled: false }), ok({ enabled: true })],
      'GET /api/business/security': ok({ requireTwoFactor: false }),
      'POST /api/auth/totp': ok(enrolment),
      'POST /api/auth/totp/confirm': [problem(422, 'Invalid code'), ok({ recoveryCodes })],
    });
    renderApp('/settings/security');

    fireEvent.click(await screen.findByRole('button', { name: 'Set up two-factor authentication' }));
    const qr = await screen.findByRole('img', { name: 'QR code for your authenticator app' });
    expect(qr).toHaveAttribute('src', `data:image/png;base64,${enrolment.qrPng}`);
    expect(screen.getByLabelText('Secret key')).toHaveTextContent(enrolment.secret);

    fireEvent.change(screen.getByLabelText('Code from your app'), { target: { value: '000000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('wrong or expired');

    fireEvent.change(screen.getByLabelText('Code from your app'), { target: { value: '123456' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn on' }));
    const list = await screen.findByRole('list', { name: 'Recovery codes' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(10);
    expect(fake.requestsTo('POST /api/auth/totp/confirm')[1]?.body).toEqual({ code: '123456' });

    fireEvent.click(screen.getByRole('button', { name: 'I have saved my recovery codes' }));
    expect(await screen.findByRole('button', { name: 'Turn off two-factor authentication' })).toBeInTheDocument();
    expect(screen.queryByRole('list', { name: 'Recovery codes' })).not.toBeInTheDocument();
    expect(screen.getByText('Two-factor authentication is optional in your business.')).toBeInTheDocument();
  });

  it('turns it off with the password and a code', async () => {
    signInAs('ADMIN');
    const fake = stubApi({
      'GET /api/auth/totp': [ok({ enabled: true }), ok({ enabled: false })],
      'GET /api/business/security': ok({ requireTwoFactor: false }),
      'DELETE /api/auth/totp': [problem(422, 'Invalid code'), { status: 204 }],
    });
    renderApp('/settings/security');

    await screen.findByRole('button', { name: 'Turn off two-factor authentication' });
    fireEvent.change(screen.getByLabelText('Password'), { target: { value: 'linen-Shirts-2026' } });
    fireEvent.change(screen.getByLabelText('Code'), { target: { value: '111111' } });
    fireEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong password or code.');

    fireEvent.click(screen.getByRole('button', { name: 'Turn off two-factor authentication' }));
    expect(await screen.findByRole('button', { name: 'Set up two-factor authentication' })).toBeInTheDocument();
    expect(fake.requestsTo('DELETE /api/auth/totp')[1]?.body).toEqual({ password: 'linen-Shirts-2026', code: '111111' });
  });

  it('lets the owner require two-factor authentication for the team', async () => {
    signInAs('OWNER');
    const fake = stubApi({
      'GET /api/auth/totp': ok({ enabled: true }),
      'GET /api/business/security': ok({ requireTwoFactor: false }),
      'PUT /api/business/security': ok({ requireTwoFactor: true }),
    });
    renderApp('/settings/security');

    const box = await screen.findByRole('checkbox', { name: /Require two-factor authentication for every member/ });
    expect(box).not.toBeChecked();
    fireEvent.click(box);

    expect(await screen.findByRole('checkbox', { name: /Require two-factor/ })).toBeChecked();
    expect(fake.requestsTo('PUT /api/business/security')[0]?.body).toEqual({ requireTwoFactor: true });
  });
});

describe('forced enrolment', () => {
  it('sends a member who must enrol to the enrolment screen, whatever page they open', async () => {
    signIn({ accessToken: tokenWithClaims({ mfa_enrolment_required: true }) });
    stubApi({ 'POST /api/auth/totp': ok(enrolment) });
    const { location } = renderApp('/inbox');

    expect(await screen.findByRole('heading', { name: 'Set up two-factor authentication' })).toBeInTheDocument();
    expect(location()).toBe('/two-factor-required');
    fireEvent.click(screen.getByRole('button', { name: 'Set up two-factor authentication' }));
    expect(await screen.findByRole('img', { name: 'QR code for your authenticator app' })).toBeInTheDocument();
  });
});
