import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { page, problem, stubApi } from '../test/fakeApi';
import { invoice, signIn } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const newest = invoice();
const older = invoice({
  id: 'inv-2',
  number: 'INV-2026-000041',
  orderId: '7b00e4d2-0000-4000-8000-000000000002',
  totalMinor: 2599,
  currency: 'USD',
  issuedAt: '2026-11-29T18:00:00Z',
});
const oldest = invoice({ id: 'inv-3', number: 'INV-2026-000040', issuedAt: '2026-11-28T08:00:00Z' });

/** Captures what the page hands to the browser as a download (jsdom has no object URLs and no downloads). */
function captureDownloads() {
  const saved: Array<{ name: string; href: string }> = [];
  const original = { create: URL.createObjectURL, revoke: URL.revokeObjectURL };
  const createObjectURL = vi.fn((_blob: Blob) => 'blob:http://localhost/pdf-1');
  URL.createObjectURL = createObjectURL;
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    saved.push({ name: this.download, href: this.href });
  });
  restoreDownloads = () => {
    click.mockRestore();
    URL.createObjectURL = original.create;
    URL.revokeObjectURL = original.revoke;
  };
  return { saved, createObjectURL };
}

let restoreDownloads = () => {};

afterEach(() => {
  restoreDownloads();
  restoreDownloads = () => {};
});

describe('InvoicesPage', () => {
  beforeEach(() => {
    signIn();
  });

  it('lists invoices: number, order link, total and issue time, each with a PDF link', async () => {
    stubApi({ 'GET /api/invoices': page([newest, older], false) });
    renderApp('/invoices');

    expect(screen.getByText('Loading invoices…')).toBeInTheDocument();
    const table = await screen.findByRole('table', { name: 'Invoices' });
    const [, first, second] = within(table).getAllByRole('row');
    expect(first).toHaveTextContent('INV-2026-000042');
    expect(first).toHaveTextContent('₦50,000.00');
    expect(within(first!).getByRole('link', { name: 'Order 3F2A9C1B' })).toHaveAttribute(
      'href',
      '/orders/3f2a9c1b-0000-4000-8000-000000000001',
    );
    expect(within(first!).getByRole('link', { name: 'Download PDF of INV-2026-000042' })).toHaveAttribute(
      'href',
      '/api/invoices/inv-1/pdf',
    );
    expect(second).toHaveTextContent('INV-2026-000041');
    expect(second).toHaveTextContent('$25.99');
    expect(first?.querySelector('time')).toHaveAttribute('datetime', '2026-11-30T09:20:00Z');
  });

  it('says so when there is no invoice yet', async () => {
    stubApi({ 'GET /api/invoices': page([], false) });
    renderApp('/invoices');

    expect(await screen.findByText(/No invoices yet/)).toBeInTheDocument();
  });

  it('downloads the PDF with the bearer token, named after the invoice number', async () => {
    const downloads = captureDownloads();
    const fake = stubApi({
      'GET /api/invoices': page([newest], false),
      'GET /api/invoices/inv-1/pdf': {
        file: { content: '%PDF-1.7 INV-2026-000042', contentType: 'application/pdf' },
        headers: { 'Content-Disposition': 'attachment; filename="INV-2026-000042.pdf"' },
      },
    });
    renderApp('/invoices');

    fireEvent.click(await screen.findByRole('link', { name: 'Download PDF of INV-2026-000042' }));

    await waitFor(() => expect(downloads.saved).toEqual([{ name: 'INV-2026-000042.pdf', href: 'blob:http://localhost/pdf-1' }]));
    const [request] = fake.requestsTo('GET /api/invoices/inv-1/pdf');
    expect(request?.headers.authorization).toMatch(/^Bearer /);
    expect(request?.headers.accept).toContain('application/pdf');
    const blob = downloads.createObjectURL.mock.calls[0]?.[0];
    expect(blob?.type).toBe('application/pdf');
  });

  it('says when a PDF cannot be downloaded', async () => {
    const downloads = captureDownloads();
    stubApi({
      'GET /api/invoices': page([newest], false),
      'GET /api/invoices/inv-1/pdf': problem(503, 'Service Unavailable', { detail: 'The PDF could not be rendered.' }),
    });
    renderApp('/invoices');

    fireEvent.click(await screen.findByRole('link', { name: 'Download PDF of INV-2026-000042' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Could not download INV-2026-000042: The PDF could not be rendered.');
    expect(downloads.saved).toEqual([]);
  });

  it('loads older invoices with before= the oldest shown, while X-Has-More says so', async () => {
    const fake = stubApi({
      'GET /api/invoices': page([newest, older], true),
      'GET /api/invoices?before=2026-11-29T18%3A00%3A00Z': page([oldest], false),
    });
    renderApp('/invoices');
    await screen.findByRole('row', { name: /INV-2026-000041/ });

    fireEvent.click(screen.getByRole('button', { name: 'Load more' }));

    expect(await screen.findByRole('row', { name: /INV-2026-000040/ })).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(fake.requestsTo('GET /api/invoices?before=2026-11-29T18%3A00%3A00Z')).toHaveLength(1);
  });

  it('shows a failed load, and a 403 as a role problem', async () => {
    stubApi({ 'GET /api/invoices': problem(500, 'Internal Server Error', { detail: 'Try again later.' }) });
    const { unmount } = renderApp('/invoices');
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load invoices: Try again later.');
    unmount();

    stubApi({ 'GET /api/invoices': problem(403, 'Forbidden') });
    renderApp('/invoices');
    expect(await screen.findByRole('status')).toHaveTextContent('Your role in this business cannot see invoices.');
  });
});
