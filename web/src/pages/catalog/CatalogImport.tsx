import { useMutation } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type ImportResult, type LineError } from '../../api';
import { Alert } from '../../components/Alert';

/** The server's limit on an import file; checked here first so a too-large file is not uploaded for nothing. */
export const MAX_IMPORT_BYTES = 1024 * 1024;

export const CSV_COLUMNS = 'sku,name,description,price,currency,stock,active';

const EXAMPLE = `${CSV_COLUMNS}
SHIRT-LINEN-M,Linen shirt (M),"White linen, relaxed fit",25000.00,NGN,12,true
CAP-01,Cap,,4500,NGN,,true
SCARF-02,Silk scarf,Hand-rolled edges,18000.50,NGN,0,false`;

type Outcome =
  | { kind: 'imported'; result: ImportResult }
  | { kind: 'refused'; summary: string; lines: LineError[] }
  | { kind: 'failed'; message: string };

/**
 * CSV import: the whole file is sent as it is, and the server applies all of it or none of it. A
 * refused file comes back with every bad line, shown as a table so the merchant can fix them all
 * in one go.
 */
export function CatalogImport({ onImported }: { onImported: (result: ImportResult) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const upload = useMutation({ mutationFn: (csv: File) => api.importProducts(csv) });
  const importing = upload.isPending;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!file) {
      setOutcome({ kind: 'failed', message: 'Choose a CSV file first.' });
      return;
    }
    if (file.size > MAX_IMPORT_BYTES) {
      setOutcome({ kind: 'failed', message: `${file.name} is larger than 1 MiB. Split it into smaller files.` });
      return;
    }
    setOutcome(null);
    try {
      const result = await upload.mutateAsync(file);
      setOutcome({ kind: 'imported', result });
      setFile(null);
      if (input.current) {
        input.current.value = '';
      }
      onImported(result);
    } catch (error) {
      setOutcome(refusal(error));
    }
  };

  return (
    <form onSubmit={submit} noValidate className="form card card-wide" aria-labelledby="catalog-import-heading">
      <h2 id="catalog-import-heading">Import from CSV</h2>
      <p className="muted">
        One product per line after a header row with these columns. A product whose SKU exists is updated. The file is
        imported completely or not at all: if any line has a problem, nothing changes and every problem is listed.
      </p>
      <pre className="csv-example" aria-label="Example CSV">
        {EXAMPLE}
      </pre>
      <ul className="csv-columns">
        <li>
          <code>price</code> in the currency’s main unit (<code>25000</code> or <code>25000.50</code>), with no more
          decimals than the currency has
        </li>
        <li>
          <code>currency</code> an ISO 4217 code such as <code>NGN</code>, <code>GHS</code>, <code>USD</code>
        </li>
        <li>
          <code>stock</code> empty for unlimited, <code>0</code> for out of stock
        </li>
        <li>
          <code>active</code> <code>true</code> or <code>false</code> (empty means true)
        </li>
        <li>Quote a value that contains a comma. At most 1 MiB and 5,000 products per file.</li>
      </ul>
      <div className="field">
        <label htmlFor="catalog-import-file">CSV file</label>
        <input
          ref={input}
          id="catalog-import-file"
          type="file"
          accept=".csv,text/csv"
          onChange={(event) => {
            setFile(event.target.files?.[0] ?? null);
            setOutcome(null);
          }}
        />
      </div>
      <button type="submit" className="button-primary" disabled={importing}>
        {importing ? 'Importing…' : 'Import'}
      </button>
      {outcome && <ImportOutcome outcome={outcome} />}
    </form>
  );
}

function ImportOutcome({ outcome }: { outcome: Outcome }) {
  switch (outcome.kind) {
    case 'imported': {
      const { created, updated, unchanged } = outcome.result;
      return (
        <Alert tone="success">
          Imported: {created} created, {updated} updated, {unchanged} unchanged.
        </Alert>
      );
    }
    case 'failed':
      return <Alert>{outcome.message}</Alert>;
    case 'refused':
      return (
        <>
          <Alert>{outcome.summary}</Alert>
          {outcome.lines.length > 0 && (
            <table className="data-table">
              <caption>Problems in the file</caption>
              <thead>
                <tr>
                  <th scope="col">Line</th>
                  <th scope="col">Column</th>
                  <th scope="col">Problem</th>
                </tr>
              </thead>
              <tbody>
                {outcome.lines.map((line, index) => (
                  <tr key={`${line.line}-${line.field ?? ''}-${index}`}>
                    <td>{Number.isFinite(line.line) ? line.line : '—'}</td>
                    <td>{line.field ? <code>{line.field}</code> : '—'}</td>
                    <td>{line.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      );
  }
}

function refusal(error: unknown): Outcome {
  if (error instanceof ApiError) {
    if (error.status === 422 && error.lineErrors.length > 0) {
      const lines = new Set(error.lineErrors.map((line) => line.line)).size;
      return {
        kind: 'refused',
        summary: `Nothing was imported: ${lines} line${lines === 1 ? ' has' : 's have'} problems. Fix them and import the file again.`,
        lines: error.lineErrors,
      };
    }
    if (error.status === 413) {
      return { kind: 'failed', message: 'The file is too large (at most 1 MiB). Split it into smaller files.' };
    }
    if (error.status === 403) {
      return { kind: 'failed', message: 'Only owners and admins can import products.' };
    }
    if (error.status === 422 || error.status === 400) {
      return { kind: 'failed', message: `Nothing was imported: ${describeError(error)}` };
    }
  }
  return { kind: 'failed', message: `Could not import the file: ${describeError(error)}` };
}
