import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { PrivacyRequest } from '../api';
import { ok, problem, stubApi } from '../test/fakeApi';
import { signIn, tokenWithRole } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const CONTACT = '0193a5b2-7c1d-7e4f-8a9b-0c1d2e3f4a5b';

function privacyRequest(overrides: Partial<PrivacyRequest> = {}): PrivacyRequest {
  return {
    id: 'req-1',
    kind: 'ERASURE',
    scope: 'CONTACT',
    contactId: CONTACT,
    source: 'CONSOLE',
    status: 'PENDING',
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    services: [
      { service: 'conversation-service', status: 'DONE', itemCount: 12 },
      { service: 'commerce-service', status: 'FAILED', itemCount: 0, detail: 'database unavailable' },
      { service: 'identity-service', status: 'PENDING', itemCount: 0 },
    ],
    ...overrides,
  };
}

function signInAsOwner() {
  signIn({ accessToken: tokenWithRole('OWNER') });
}

let restoreDownloads = () => {};
afterEach(() => {
  restoreDownloads();
  restoreDownloads = () => {};
});

/** Captures what the page hands to the browser as a download (jsdom has no object URLs and no downloads). */
function captureDownloads() {
  const saved: string[] = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  URL.createObjectURL = vi.fn(() => 'blob:http://localhost/zip-1');
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push(this.download);
  });
  restoreDownloads = () => {
    click.mockRestore();
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  };
  return saved;
}

describe('PrivacyPage', () => {
  it('lists requests with each service\'s progress and failures', async () => {
    signInAsOwner();
    stubApi({ 'GET /api/privacy/requests': ok({ requests: [privacyRequest({ status: 'FAILED' })] }) });
    renderApp('/settings/privacy');

    const table = await screen.findByRole('table', { name: 'Privacy requests' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent(`Erasure of contact ${CONTACT}`);
    expect(row).toHaveTextContent('Failed');
    expect(row).toHaveTextContent('1 of 3 done');
    expect(row).toHaveTextContent('commerce-service: failed (database unavailable)');
    expect(row).toHaveTextContent('identity-service: pending');
    expect(within(row).getByRole('button', { name: 'Retry' })).toBeInTheDocument();
  });

  it('requests an export of the contact named in the link', async () => {
    signInAsOwner();
    const fake = stubApi({
      'GET /api/privacy/requests': [ok({ requests: [] }), ok({ requests: [privacyRequest({ kind: 'EXPORT' })] })],
      'POST /api/privacy/exports': { status: 202, body: { id: 'req-1', status: 'PENDING' } },
    });
    renderApp(`/settings/privacy?contactId=${CONTACT}`);
    await screen.findByText('No privacy requests yet.');

    fireEvent.click(screen.getByRole('button', { name: "Export contact's data" }));

    expect(await screen.findByText('Export requested.')).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/privacy/exports')[0]?.body).toEqual({ contactId: CONTACT });
    expect(await screen.findByText(`Export of contact ${CONTACT}`)).toBeInTheDocument();
  });

  it('refuses a contact id that is not one, without asking the server', async () => {
    signInAsOwner();
    const fake = stubApi({ 'GET /api/privacy/requests': ok({ requests: [] }) });
    renderApp('/settings/privacy');
    await screen.findByText('No privacy requests yet.');

    fireEvent.change(screen.getByLabelText('Contact id'), { target: { value: 'Ada Lovelace' } });
    fireEvent.click(screen.getByRole('button', { name: "Erase contact's data" }));

    expect(await screen.findByText(/Enter the contact id/)).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/privacy/erasures')).toHaveLength(0);
  });

  it('erases the whole business only once its name is typed', async () => {
    signInAsOwner();
    const fake = stubApi({
      'GET /api/privacy/requests': ok({ requests: [] }),
      'POST /api/privacy/erasures': { status: 202, body: { id: 'req-2', status: 'PENDING' } },
    });
    renderApp('/settings/privacy');
    await screen.findByText('No privacy requests yet.');
    const erase = screen.getByRole('button', { name: 'Erase all data' });
    expect(erase).toBeDisabled();

    fireEvent.change(screen.getByLabelText(/Type the business name/), { target: { value: 'Linen' } });
    expect(erase).toBeDisabled();
    fireEvent.change(screen.getByLabelText(/Type the business name/), { target: { value: 'Linen & Co' } });
    fireEvent.click(erase);

    expect(await screen.findByText('Erasure of the whole business requested.')).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/privacy/erasures')[0]?.body).toEqual({ scope: 'BUSINESS' });
  });

  it('retries a failed erasure', async () => {
    signInAsOwner();
    const fake = stubApi({
      'GET /api/privacy/requests': ok({ requests: [privacyRequest({ status: 'FAILED' })] }),
      'POST /api/privacy/erasures/req-1/retry': { status: 202, body: { id: 'req-1', status: 'PENDING' } },
    });
    renderApp('/settings/privacy');

    fireEvent.click(await screen.findByRole('button', { name: 'Retry' }));

    expect(await screen.findByText('Erasure retried.')).toBeInTheDocument();
    expect(fake.requestsTo('POST /api/privacy/erasures/req-1/retry')).toHaveLength(1);
  });

  it('downloads a ready export\'s archive with the bearer token', async () => {
    signInAsOwner();
    const saved = captureDownloads();
    const ready = privacyRequest({ kind: 'EXPORT', scope: 'BUSINESS', contactId: undefined, status: 'COMPLETED',
      services: [{ service: 'conversation-service', status: 'DONE', itemCount: 3 }] });
    const fake = stubApi({
      'GET /api/privacy/requests': ok({ requests: [ready] }),
      'GET /api/privacy/exports/req-1/archive': { file: { content: 'PK', contentType: 'application/zip' } },
    });
    renderApp('/settings/privacy');

    expect(await screen.findByText('Export of the whole business')).toBeInTheDocument();
    expect(screen.getByText('Ready')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: 'Download archive' }));

    await waitFor(() => expect(saved).toEqual(['sellavie-export-req-1.zip']));
    expect(fake.requestsTo('GET /api/privacy/exports/req-1/archive')[0]?.headers.authorization).toMatch(/^Bearer /);
  });

  it('says why a request was refused', async () => {
    signInAsOwner();
    stubApi({
      'GET /api/privacy/requests': ok({ requests: [] }),
      'POST /api/privacy/exports': problem(400, 'Invalid input', { detail: 'Some fields are invalid.' }),
    });
    renderApp('/settings/privacy');
    await screen.findByText('No privacy requests yet.');

    fireEvent.click(screen.getByRole('button', { name: 'Export all data' }));

    expect(await screen.findByText(/Some fields are invalid/)).toBeInTheDocument();
  });

  it('offers nothing to an agent or admin', async () => {
    signIn({ accessToken: tokenWithRole('ADMIN') });
    const fake = stubApi({});
    renderApp('/settings/privacy');

    expect(await screen.findByText("Only the business's owner can make privacy requests.")).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Erase all data' })).not.toBeInTheDocument();
    expect(fake.requestsTo('GET /api/privacy/requests')).toHaveLength(0);
  });
});
