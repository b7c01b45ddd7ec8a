import { fireEvent, screen } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const stored = {
  id: 'b-1',
  name: 'Ada Linen',
  timeZone: 'Africa/Lagos',
  language: 'en',
  country: 'NG',
  contactEmail: 'hello@adalinen.example',
  logoUrl: null,
  updatedAt: null,
};

describe('BusinessProfilePage', () => {
  it('shows the profile and saves the whole of it, an emptied field cleared', async () => {
    signInAs('ADMIN');
    const fake = stubApi({
      'GET /api/business': ok(stored),
      'PUT /api/business': ok({ ...stored, name: 'Ada Linen Lagos', language: 'pt-BR', contactEmail: null }),
    });
    renderApp('/settings/business');

    const name = await screen.findByLabelText('Business name');
    expect(name).toHaveValue('Ada Linen');
    expect(screen.getByLabelText('Time zone')).toHaveValue('Africa/Lagos');
    fireEvent.change(name, { target: { value: ' Ada Linen Lagos ' } });
    fireEvent.change(screen.getByLabelText('Language'), { target: { value: 'pt-br' } });
    fireEvent.change(screen.getByLabelText('Contact email'), { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText(/Saved\./)).toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/business')[0]?.body).toEqual({
      name: 'Ada Linen Lagos', timeZone: 'Africa/Lagos', language: 'pt-br', country: 'NG', contactEmail: null, logoUrl: null,
    });
    // The form shows what the server stored (normalised).
    expect(await screen.findByDisplayValue('pt-BR', {}, { timeout: 5000 })).toBe(screen.getByLabelText('Language'));
  });

  it('puts each refused field’s message under it', async () => {
    signInAs('OWNER');
    stubApi({
      'GET /api/business': ok(stored),
      'PUT /api/business': problem(400, 'Invalid input', {
        detail: 'Some fields are invalid.',
        errors: { timeZone: 'must be an IANA time zone, like Europe/Paris', logoUrl: 'must be an https:// address' },
      }),
    });
    renderApp('/settings/business');

    fireEvent.change(await screen.findByLabelText('Time zone'), { target: { value: 'Mars/Olympus' } });
    fireEvent.change(screen.getByLabelText('Logo URL'), { target: { value: 'http://example.com/logo.png' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save' }));

    expect(await screen.findByText('must be an IANA time zone, like Europe/Paris')).toBeInTheDocument();
    expect(screen.getByText('must be an https:// address')).toBeInTheDocument();
    expect(screen.getByLabelText('Time zone')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.queryByText(/Saved\./)).not.toBeInTheDocument();
  });

  it('is read-only for an agent', async () => {
    signInAs('AGENT');
    const fake = stubApi({ 'GET /api/business': ok(stored) });
    renderApp('/settings/business');

    expect(await screen.findByLabelText('Business name')).toBeDisabled();
    expect(screen.getByText('Only owners and admins can change the business profile.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Save' })).not.toBeInTheDocument();
    expect(screen.queryByRole('link', { name: 'Activity' })).not.toBeInTheDocument();
    expect(fake.requestsTo('PUT /api/business')).toHaveLength(0);
  });
});
