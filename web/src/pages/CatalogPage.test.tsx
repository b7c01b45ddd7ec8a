import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ok, problem, stubApi } from '../test/fakeApi';
import { product, signIn, signInAs } from '../test/fixtures';
import { renderApp } from '../test/renderApp';

const shirt = product({ sku: 'SHIRT-LINEN-M', name: 'Linen shirt (M)', priceMinor: 2500000, currency: 'NGN', stock: 12 });
const cap = product({ sku: 'CAP-01', name: 'Cap', description: null, priceMinor: 1099, currency: 'USD', stock: null });
const scarf = product({ sku: 'SCARF-02', name: 'Silk scarf', priceMinor: 1800050, stock: 0, active: false });

function fillProduct(values: Partial<Record<'SKU' | 'Name' | 'Description' | 'Price' | 'Currency' | 'Stock', string>>) {
  for (const [label, value] of Object.entries(values)) {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  }
}

function productRow(sku: string) {
  return screen.getByRole('row', { name: new RegExp(sku) });
}

function chooseCsv(content: string, name = 'products.csv') {
  const file = new File([content], name, { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText('CSV file'), { target: { files: [file] } });
  return file;
}

describe('CatalogPage', () => {
  describe('as an owner', () => {
    beforeEach(() => {
      signInAs('OWNER');
    });

    it('lists products with the price in the currency\'s own units, stock and status', async () => {
      stubApi({ 'GET /api/catalog/products': ok([cap, shirt, scarf]) });
      renderApp('/catalog');

      const table = await screen.findByRole('table', { name: 'Products' });
      const [, capRow, shirtRow, scarfRow] = within(table).getAllByRole('row');
      expect(capRow).toHaveTextContent('CAP-01');
      expect(capRow).toHaveTextContent('$10.99');
      expect(capRow).toHaveTextContent('Unlimited');
      expect(shirtRow).toHaveTextContent('Linen shirt (M)');
      expect(shirtRow).toHaveTextContent('₦25,000.00');
      expect(shirtRow).toHaveTextContent('12');
      expect(shirtRow).toHaveTextContent('Active');
      expect(scarfRow).toHaveTextContent('₦18,000.50');
      expect(scarfRow).toHaveTextContent('Out of stock');
      expect(scarfRow).toHaveTextContent('Inactive');
      expect(within(shirtRow!).getByRole('button', { name: 'Edit' })).toBeInTheDocument();
      expect(screen.getByRole('heading', { name: 'Catalog' })).toBeInTheDocument();
      expect(screen.getByRole('button', { name: 'Add product' })).toBeInTheDocument();
    });

    it('says so when the catalog is empty', async () => {
      stubApi({ 'GET /api/catalog/products': ok([]) });
      renderApp('/catalog');

      expect(await screen.findByText('No products yet.')).toBeInTheDocument();
    });

    it('searches by text and by status', async () => {
      const fake = stubApi({
        'GET /api/catalog/products': ok([shirt, cap]),
        'GET /api/catalog/products?q=linen': ok([shirt]),
        'GET /api/catalog/products?q=linen&active=false': ok([]),
      });
      renderApp('/catalog');
      await screen.findByRole('row', { name: /CAP-01/ });

      fireEvent.change(screen.getByRole('searchbox', { name: 'Search products' }), { target: { value: ' linen ' } });
      fireEvent.click(screen.getByRole('button', { name: 'Search' }));

      await waitFor(() => expect(screen.queryByRole('row', { name: /CAP-01/ })).not.toBeInTheDocument());
      expect(productRow('SHIRT-LINEN-M')).toBeInTheDocument();

      fireEvent.change(screen.getByRole('combobox', { name: 'Show' }), { target: { value: 'inactive' } });

      expect(await screen.findByText('No product matches.')).toBeInTheDocument();
      expect(fake.requests.map((request) => request.path)).toEqual([
        '/api/catalog/products',
        '/api/catalog/products?q=linen',
        '/api/catalog/products?q=linen&active=false',
      ]);
    });

    it('adds a product, sending the typed price as exact minor units', async () => {
      const fake = stubApi({
        'GET /api/catalog/products': ok([]),
        'POST /api/catalog/products': {
          status: 201,
          body: product({ sku: 'TOTE-1', name: 'Tote bag', description: null, priceMinor: 2500050, stock: null }),
        },
      });
      renderApp('/catalog');
      await screen.findByText('No products yet.');

      fireEvent.click(screen.getByRole('button', { name: 'Add product' }));
      fillProduct({ SKU: 'TOTE-1', Name: 'Tote bag', Price: '25000.5', Currency: 'ngn' });
      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Added Tote bag (TOTE-1).');
      const [request] = fake.requestsTo('POST /api/catalog/products');
      expect(request?.body).toEqual({
        sku: 'TOTE-1',
        name: 'Tote bag',
        description: null,
        priceMinor: 2500050,
        currency: 'NGN',
        stock: null,
        active: true,
      });
      expect(productRow('TOTE-1')).toHaveTextContent('₦25,000.50');
      expect(screen.queryByRole('form', { name: 'Add product' })).not.toBeInTheDocument();
    });

    it('checks the form before sending: every missing field, and a price with more decimals than its currency has', async () => {
      const fake = stubApi({ 'GET /api/catalog/products': ok([]) });
      renderApp('/catalog');
      await screen.findByText('No products yet.');
      fireEvent.click(screen.getByRole('button', { name: 'Add product' }));

      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

      expect(screen.getByLabelText('SKU')).toHaveAccessibleDescription(expect.stringContaining('Enter a SKU.'));
      expect(screen.getByLabelText('Name')).toHaveAccessibleDescription('Give the product a name.');
      expect(screen.getByLabelText('Currency')).toHaveAccessibleDescription(expect.stringContaining('three-letter currency code'));

      fillProduct({ SKU: 'CAP 01', Name: 'Cap', Price: '10.999', Currency: 'USD', Stock: '-1' });
      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

      expect(screen.getByLabelText('Price')).toHaveAccessibleDescription(expect.stringContaining('USD prices have at most 2 decimals.'));
      expect(screen.getByLabelText('SKU')).toHaveAccessibleDescription(expect.stringContaining('Letters, digits and . _ / - only'));
      expect(screen.getByLabelText('Stock')).toHaveAccessibleDescription(expect.stringContaining('Enter a whole number of items'));

      fillProduct({ Price: '1500.5', Currency: 'JPY' });
      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));
      expect(screen.getByLabelText('Price')).toHaveAccessibleDescription(expect.stringContaining('JPY prices have no decimals.'));

      expect(fake.requestsTo('POST /api/catalog/products')).toHaveLength(0);
    });

    it('shows the server\'s field errors under the inputs, the price error under Price', async () => {
      stubApi({
        'GET /api/catalog/products': ok([]),
        'POST /api/catalog/products': problem(400, 'Invalid input', {
          detail: 'Some fields are invalid; nothing was changed.',
          errors: { priceMinor: 'must be at most 1000000000000', currency: 'is not an ISO 4217 currency' },
        }),
      });
      renderApp('/catalog');
      await screen.findByText('No products yet.');
      fireEvent.click(screen.getByRole('button', { name: 'Add product' }));

      fillProduct({ SKU: 'CAP-01', Name: 'Cap', Price: '10', Currency: 'XYZ' });
      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

      expect(await screen.findByText('must be at most 1000000000000')).toBeInTheDocument();
      expect(screen.getByLabelText('Price')).toHaveAccessibleDescription(expect.stringContaining('must be at most 1000000000000'));
      expect(screen.getByLabelText('Currency')).toHaveAccessibleDescription(expect.stringContaining('is not an ISO 4217 currency'));
      expect(screen.getByRole('alert')).toHaveTextContent('Some fields are invalid; nothing was changed.');
      expect(screen.getByLabelText('Name')).toHaveValue('Cap');
    });

    it('says a duplicate SKU exists next to the SKU', async () => {
      stubApi({
        'GET /api/catalog/products': ok([]),
        'POST /api/catalog/products': problem(409, 'Sku already in the catalog', {
          detail: "A product with sku 'CAP-01' already exists (skus are unique ignoring case).",
          errors: { sku: 'is already used by another product' },
        }),
      });
      renderApp('/catalog');
      await screen.findByText('No products yet.');
      fireEvent.click(screen.getByRole('button', { name: 'Add product' }));

      fillProduct({ SKU: 'CAP-01', Name: 'Cap', Price: '10', Currency: 'USD' });
      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

      expect(await screen.findByText('is already used by another product')).toBeInTheDocument();
      expect(screen.getByLabelText('SKU')).toHaveAccessibleDescription(expect.stringContaining('is already used by another product'));
      expect(screen.getByRole('alert')).toHaveTextContent("A product with sku 'CAP-01' already exists");
    });

    it('edits a product with a PUT to its SKU, the stored price shown in major units', async () => {
      const fake = stubApi({
        'GET /api/catalog/products': ok([shirt]),
        'PUT /api/catalog/products/SHIRT-LINEN-M': ok({ ...shirt, priceMinor: 2750000, stock: null }),
      });
      renderApp('/catalog');

      fireEvent.click(within(await screen.findByRole('row', { name: /SHIRT-LINEN-M/ })).getByRole('button', { name: 'Edit' }));

      expect(screen.getByRole('heading', { name: 'Edit SHIRT-LINEN-M' })).toBeInTheDocument();
      expect(screen.getByLabelText('SKU')).toHaveAttribute('readonly');
      expect(screen.getByLabelText('Price')).toHaveValue('25000.00');
      expect(screen.getByLabelText('Stock')).toHaveValue('12');
      fillProduct({ Price: '27500', Stock: '' });
      fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Saved Linen shirt (M) (SHIRT-LINEN-M).');
      expect(fake.requestsTo('PUT /api/catalog/products/SHIRT-LINEN-M')[0]?.body).toMatchObject({
        sku: 'SHIRT-LINEN-M',
        priceMinor: 2750000,
        stock: null,
      });
      expect(productRow('SHIRT-LINEN-M')).toHaveTextContent('₦27,500.00');
      expect(productRow('SHIRT-LINEN-M')).toHaveTextContent('Unlimited');
    });

    it('deletes a product only after confirmation', async () => {
      const fake = stubApi({
        'GET /api/catalog/products': ok([cap, shirt]),
        'DELETE /api/catalog/products/CAP-01': { status: 204 },
      });
      renderApp('/catalog');

      fireEvent.click(within(await screen.findByRole('row', { name: /CAP-01/ })).getByRole('button', { name: 'Delete' }));
      const confirm = screen.getByRole('group', { name: 'Delete CAP-01?' });
      fireEvent.click(within(confirm).getByRole('button', { name: 'Keep it' }));
      expect(fake.requestsTo('DELETE /api/catalog/products/CAP-01')).toHaveLength(0);

      fireEvent.click(within(productRow('CAP-01')).getByRole('button', { name: 'Delete' }));
      fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));

      expect(await screen.findByRole('status')).toHaveTextContent('Deleted Cap (CAP-01).');
      expect(screen.queryByRole('row', { name: /CAP-01/ })).not.toBeInTheDocument();
      expect(productRow('SHIRT-LINEN-M')).toBeInTheDocument();
      expect(fake.requestsTo('DELETE /api/catalog/products/CAP-01')).toHaveLength(1);
    });

    it('imports a CSV file as it is and shows what changed', async () => {
      const csv = 'sku,name,description,price,currency,stock,active\nCAP-01,Cap,,4500,NGN,,true\n';
      const fake = stubApi({
        'GET /api/catalog/products': [ok([]), ok([product({ sku: 'CAP-01', name: 'Cap', priceMinor: 450000 })])],
        'POST /api/catalog/import': ok({ created: 1, updated: 0, unchanged: 0 }),
      });
      renderApp('/catalog');
      await screen.findByText('No products yet.');
      expect(screen.getByLabelText('Example CSV')).toHaveTextContent('sku,name,description,price,currency,stock,active');

      chooseCsv(csv);
      fireEvent.click(screen.getByRole('button', { name: 'Import' }));

      expect(await screen.findByText('Imported: 1 created, 0 updated, 0 unchanged.')).toBeInTheDocument();
      const [request] = fake.requestsTo('POST /api/catalog/import');
      expect(request?.headers['content-type']).toBe('text/csv');
      expect(request?.headers.authorization).toMatch(/^Bearer /);
      expect(request?.body).toBe(csv);
      expect(await screen.findByRole('row', { name: /CAP-01/ })).toHaveTextContent('₦4,500.00');
    });

    it('lists every bad line of a refused import, and nothing changes', async () => {
      const fake = stubApi({
        'GET /api/catalog/products': ok([]),
        'POST /api/catalog/import': problem(422, 'Invalid file', {
          detail: 'The file has invalid lines; nothing was imported.',
          errors: [
            { line: 2, field: 'price', message: 'NGN prices have at most 2 decimals' },
            { line: 2, field: 'currency', message: 'is not an ISO 4217 currency' },
            { line: 5, field: 'sku', message: 'must not be empty' },
            { line: 7, field: null, message: 'has 5 columns, expected 7' },
          ],
        }),
      });
      renderApp('/catalog');
      await screen.findByText('No products yet.');

      chooseCsv('sku,name,description,price,currency,stock,active\n…');
      fireEvent.click(screen.getByRole('button', { name: 'Import' }));

      const table = await screen.findByRole('table', { name: 'Problems in the file' });
      const rows = within(table).getAllByRole('row').slice(1);
      expect(rows.map((row) => within(row).getAllByRole('cell').map((cell) => cell.textContent))).toEqual([
        ['2', 'price', 'NGN prices have at most 2 decimals'],
        ['2', 'currency', 'is not an ISO 4217 currency'],
        ['5', 'sku', 'must not be empty'],
        ['7', '—', 'has 5 columns, expected 7'],
      ]);
      expect(screen.getByRole('alert')).toHaveTextContent('Nothing was imported: 3 lines have problems.');
      expect(fake.requestsTo('GET /api/catalog/products')).toHaveLength(1);
    });

    it('explains a file the server finds too large', async () => {
      stubApi({
        'GET /api/catalog/products': ok([]),
        'POST /api/catalog/import': problem(413, 'Payload Too Large'),
      });
      renderApp('/catalog');
      await screen.findByText('No products yet.');

      chooseCsv('sku,name,description,price,currency,stock,active\n');
      fireEvent.click(screen.getByRole('button', { name: 'Import' }));

      expect(await screen.findByRole('alert')).toHaveTextContent('The file is too large (at most 1 MiB).');
    });

    it('does not upload a file over 1 MiB, nor no file at all', async () => {
      const fake = stubApi({ 'GET /api/catalog/products': ok([]) });
      renderApp('/catalog');
      await screen.findByText('No products yet.');

      fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByRole('alert')).toHaveTextContent('Choose a CSV file first.');

      chooseCsv('x'.repeat(1024 * 1024 + 1), 'huge.csv');
      fireEvent.click(screen.getByRole('button', { name: 'Import' }));
      expect(screen.getByRole('alert')).toHaveTextContent('huge.csv is larger than 1 MiB.');
      expect(fake.requestsTo('POST /api/catalog/import')).toHaveLength(0);
    });
  });

  it('shows an agent the catalog without any control that changes it', async () => {
    signInAs('AGENT');
    stubApi({ 'GET /api/catalog/products': ok([shirt]) });
    renderApp('/catalog');

    const row = await screen.findByRole('row', { name: /SHIRT-LINEN-M/ });
    expect(within(row).queryByRole('button')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Add product' })).not.toBeInTheDocument();
    expect(screen.queryByLabelText('CSV file')).not.toBeInTheDocument();
    expect(screen.getByText(/only owners and admins can change the catalog/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Search' })).toBeInTheDocument();
  });

  it('says when the server refuses a change (403), keeping what was typed', async () => {
    // A token whose role the console cannot read: the controls show, and the server has the last word.
    signIn({ accessToken: 'opaque-token' });
    stubApi({
      'GET /api/catalog/products': ok([]),
      'POST /api/catalog/products': problem(403, 'Forbidden'),
    });
    renderApp('/catalog');
    await screen.findByText('No products yet.');
    fireEvent.click(screen.getByRole('button', { name: 'Add product' }));

    fillProduct({ SKU: 'CAP-01', Name: 'Cap', Price: '10', Currency: 'USD' });
    fireEvent.click(screen.getByRole('button', { name: 'Save product' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only owners and admins can change the catalog.');
    expect(screen.getByLabelText('SKU')).toHaveValue('CAP-01');
  });

  it('says when the server refuses a deletion (403), keeping the product', async () => {
    signIn({ accessToken: 'opaque-token' });
    stubApi({
      'GET /api/catalog/products': ok([shirt]),
      'DELETE /api/catalog/products/SHIRT-LINEN-M': problem(403, 'Forbidden'),
    });
    renderApp('/catalog');

    fireEvent.click(within(await screen.findByRole('row', { name: /SHIRT-LINEN-M/ })).getByRole('button', { name: 'Delete' }));
    fireEvent.click(screen.getByRole('button', { name: 'Yes, delete' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Only owners and admins can delete products.');
    expect(productRow('SHIRT-LINEN-M')).toBeInTheDocument();
  });
});
