import { useInfiniteQuery } from '@tanstack/react-query';
import { useState, type MouseEvent } from 'react';
import { Link } from 'react-router-dom';
import { ApiError, api, describeError, type Invoice } from '../api';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { Alert } from '../components/Alert';
import { saveFile } from '../download';
import { formatPrice } from '../format/money';
import { formatDateTime } from '../format/time';
import { shortOrderId } from './orders/orderLabels';
import { pollErrorMessage } from './pollErrors';

/** The business's invoices, newest first, a page at a time, each with its PDF. */
export function InvoicesPage() {
  const [actionError, setActionError] = useState<string | null>(null);
  // "Load more" asks for the invoices issued before the oldest one shown, while the server says X-Has-More.
  const query = useInfiniteQuery({
    queryKey: queryKeys.invoices,
    queryFn: ({ signal, pageParam }) => api.invoices({ before: pageParam }, { signal }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.flatMap((page) => page.items).at(-1)?.issuedAt : undefined),
  });
  const invoices = query.data ? distinctById(query.data.pages.flatMap((page) => page.items)) : undefined;
  const hasMore = query.hasNextPage;
  const loadingMore = query.isFetchingNextPage;
  // A failure while loading more is about the older page: the invoices shown stay, and the message says so.
  const failure = queryProblem(query);
  const moreFailed = query.isFetchingNextPage || query.isFetchNextPageError;
  const loadError = moreFailed ? undefined : failure;
  const moreError =
    moreFailed && failure && !(failure instanceof ApiError && failure.status === 401)
      ? `Could not load more invoices: ${describeError(failure)}`
      : null;
  const loadMore = () => {
    setActionError(null);
    void query.fetchNextPage();
  };

  const forbidden = loadError instanceof ApiError && loadError.status === 403;
  const problem = forbidden ? null : pollErrorMessage(loadError);
  return (
    <section className="invoices">
      <h1>Invoices</h1>
      {forbidden && <Alert tone="warning">Your role in this business cannot see invoices.</Alert>}
      {problem && <Alert>Could not load invoices: {problem}</Alert>}
      {actionError && <Alert>{actionError}</Alert>}
      {moreError && <Alert>{moreError}</Alert>}
      {invoices === undefined && !loadError && <p className="muted">Loading invoices…</p>}
      {invoices && invoices.length === 0 && (
        <p className="muted">No invoices yet. Each paid order gets one, numbered in sequence, with a PDF.</p>
      )}
      {invoices && invoices.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">Invoices</caption>
          <thead>
            <tr>
              <th scope="col">Number</th>
              <th scope="col">Order</th>
              <th scope="col" className="numeric">
                Total
              </th>
              <th scope="col">Issued</th>
              <th scope="col">
                <span className="visually-hidden">PDF</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {invoices.map((invoice) => (
              <tr key={invoice.id}>
                <td>
                  <code>{invoice.number}</code>
                </td>
                <td>
                  <Link to={`/orders/${encodeURIComponent(invoice.orderId)}`} aria-label={`Order ${shortOrderId(invoice.orderId)}`}>
                    <code>{shortOrderId(invoice.orderId)}</code>
                  </Link>
                </td>
                <td className="numeric">{formatPrice(invoice.totalMinor, invoice.currency)}</td>
                <td>
                  <time dateTime={invoice.issuedAt}>{formatDateTime(invoice.issuedAt)}</time>
                </td>
                <td className="row-actions">
                  <DownloadPdf invoice={invoice} onError={setActionError} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {invoices && hasMore && (
        <button type="button" className="button-secondary" disabled={loadingMore} onClick={loadMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
    </section>
  );
}

/**
 * The PDF needs the bearer token, so a plain link cannot fetch it: the console fetches it and hands it
 * to the browser as `<number>.pdf`. Still an `<a href>` to the PDF, so it reads and behaves as a link.
 */
function DownloadPdf({ invoice, onError }: { invoice: Invoice; onError: (message: string | null) => void }) {
  const [busy, setBusy] = useState(false);
  const href = `/api/invoices/${encodeURIComponent(invoice.id)}/pdf`;

  const download = async (event: MouseEvent) => {
    event.preventDefault();
    if (busy) {
      return;
    }
    setBusy(true);
    onError(null);
    try {
      saveFile(await api.invoicePdf(invoice.id), `${invoice.number}.pdf`);
    } catch (error) {
      if (!(error instanceof ApiError && error.status === 401)) {
        onError(`Could not download ${invoice.number}: ${describeError(error)}`);
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <a href={href} className="button-link" aria-label={`Download PDF of ${invoice.number}`} aria-busy={busy} onClick={download}>
      Download PDF
    </a>
  );
}

/** Invoices issued at the same instant could straddle two pages: one already shown is not shown twice. */
function distinctById(invoices: Invoice[]): Invoice[] {
  const seen = new Set<string>();
  return invoices.filter((invoice) => !seen.has(invoice.id) && Boolean(seen.add(invoice.id)));
}
