import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, describeError, type Product, type ProductFilter } from '../api';
import { Alert } from '../components/Alert';
import { formatPrice } from '../format/money';
import { queryProblem } from '../query/problems';
import { queryKeys } from '../query/queryKeys';
import { canManageCommerce, useRole } from '../session/role';
import { CatalogImport } from './catalog/CatalogImport';
import { ProductForm } from './catalog/ProductForm';
import { pollErrorMessage } from './pollErrors';

type Editing = { product: Product | null } | null;

type ActiveFilter = 'all' | 'active' | 'inactive';

const activeParameter: Record<ActiveFilter, boolean | undefined> = { all: undefined, active: true, inactive: false };

/**
 * The business's products: search, add, edit, delete, and CSV import. Members who cannot change the
 * catalog (agents) see it read-only; the server refuses them anyway, and that 403 is shown too.
 */
export function CatalogPage() {
  const canManage = canManageCommerce(useRole());
  const [filter, setFilter] = useState<ProductFilter>({});
  const [editing, setEditing] = useState<Editing>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<string | null>(null);
  const queryClient = useQueryClient();
  const key = queryKeys.products(filter);
  const query = useQuery({
    queryKey: key,
    queryFn: ({ signal }) => api.products(filter, { signal }),
    // A new search keeps the current list on screen until its answer comes.
    placeholderData: keepPreviousData,
  });
  const products = query.data;
  const loadError = queryProblem(query);

  // The answer is the product as stored: it is patched into the list shown; other searches are read again when shown.
  const patch = (change: (current: Product[]) => Product[]) => {
    queryClient.setQueryData<Product[]>(key, (current) => change(current ?? []));
    void queryClient.invalidateQueries({ queryKey: queryKeys.productsAll, refetchType: 'none' });
  };

  const saved = (product: Product, created: boolean) => {
    setEditing(null);
    setNotice(`${created ? 'Added' : 'Saved'} ${product.name} (${product.sku}).`);
    patch((current) => byName([...current.filter((existing) => existing.sku !== product.sku), product]));
  };

  const removed = (product: Product) => {
    setNotice(`Deleted ${product.name} (${product.sku}).`);
    patch((current) => current.filter((existing) => existing.sku !== product.sku));
  };

  const startEditing = (product: Product | null) => {
    setNotice(null);
    setActionError(null);
    setEditing({ product });
  };

  const problem = pollErrorMessage(loadError);
  const defaultCurrency = products?.[0]?.currency ?? '';
  return (
    <section className="catalog">
      <header className="page-header">
        <h1>Catalog</h1>
        {canManage && !editing && (
          <button type="button" className="button-primary" onClick={() => startEditing(null)}>
            Add product
          </button>
        )}
      </header>
      {!canManage && <p className="muted">You can look up products; only owners and admins can change the catalog.</p>}
      {notice && <Alert tone="success">{notice}</Alert>}
      {actionError && <Alert>{actionError}</Alert>}
      {editing && (
        <ProductForm
          key={editing.product?.sku ?? 'new'}
          product={editing.product}
          defaultCurrency={defaultCurrency}
          onSaved={saved}
          onCancel={() => setEditing(null)}
        />
      )}
      <CatalogSearch onSearch={setFilter} />
      {problem && <Alert>Could not load products: {problem}</Alert>}
      {products === undefined && !problem && <p className="muted">Loading products…</p>}
      {products && products.length === 0 && (
        <p className="muted">{filter.q || filter.active !== undefined ? 'No product matches.' : 'No products yet.'}</p>
      )}
      {products && products.length > 0 && (
        <ProductTable
          products={products}
          canManage={canManage}
          onEdit={startEditing}
          onRemoved={removed}
          onError={setActionError}
        />
      )}
      {canManage && (
        <CatalogImport
          onImported={() => {
            setNotice(null);
            void queryClient.invalidateQueries({ queryKey: queryKeys.productsAll });
          }}
        />
      )}
    </section>
  );
}

function CatalogSearch({ onSearch }: { onSearch: (filter: ProductFilter) => void }) {
  const [text, setText] = useState('');
  const [active, setActive] = useState<ActiveFilter>('all');

  const search = (event: FormEvent) => {
    event.preventDefault();
    onSearch({ q: text.trim() || undefined, active: activeParameter[active] });
  };
  const show = (next: ActiveFilter) => {
    setActive(next);
    onSearch({ q: text.trim() || undefined, active: activeParameter[next] });
  };

  return (
    <form role="search" className="catalog-search" onSubmit={search}>
      <label className="visually-hidden" htmlFor="catalog-search-text">
        Search products
      </label>
      <input
        id="catalog-search-text"
        type="search"
        placeholder="Search by name or SKU"
        value={text}
        onChange={(event) => setText(event.target.value)}
      />
      <label className="visually-hidden" htmlFor="catalog-search-active">
        Show
      </label>
      <select id="catalog-search-active" value={active} onChange={(event) => show(event.target.value as ActiveFilter)}>
        <option value="all">All products</option>
        <option value="active">Active only</option>
        <option value="inactive">Inactive only</option>
      </select>
      <button type="submit" className="button-secondary">
        Search
      </button>
    </form>
  );
}

type ProductTableProps = {
  products: Product[];
  canManage: boolean;
  onEdit: (product: Product) => void;
  onRemoved: (product: Product) => void;
  onError: (message: string | null) => void;
};

function ProductTable({ products, canManage, onEdit, onRemoved, onError }: ProductTableProps) {
  const [confirming, setConfirming] = useState<string | null>(null);
  const deletion = useMutation({ mutationFn: (sku: string) => api.deleteProduct(sku) });
  const deleting = deletion.isPending;

  const remove = async (product: Product) => {
    onError(null);
    try {
      await deletion.mutateAsync(product.sku);
      onRemoved(product);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) {
        // Someone else deleted it first: the outcome the merchant asked for.
        onRemoved(product);
      } else if (error instanceof ApiError && error.status === 403) {
        onError('Only owners and admins can delete products.');
      } else if (!(error instanceof ApiError && error.status === 401)) {
        onError(`Could not delete ${product.sku}: ${describeError(error)}`);
      }
    } finally {
      setConfirming(null);
    }
  };

  return (
    <table className="data-table">
      <caption className="visually-hidden">Products</caption>
      <thead>
        <tr>
          <th scope="col">SKU</th>
          <th scope="col">Name</th>
          <th scope="col" className="numeric">Price</th>
          <th scope="col">Stock</th>
          <th scope="col">Status</th>
          {canManage && (
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          )}
        </tr>
      </thead>
      <tbody>
        {products.map((product) => (
          <tr key={product.sku}>
            <td>
              <code>{product.sku}</code>
            </td>
            <td>
              {product.name}
              {product.description && <span className="cell-note">{product.description}</span>}
            </td>
            <td className="numeric">{formatPrice(product.priceMinor, product.currency)}</td>
            <td>{stockLabel(product.stock)}</td>
            <td>
              <span className={product.active ? 'badge badge-on' : 'badge'}>{product.active ? 'Active' : 'Inactive'}</span>
            </td>
            {canManage && (
              <td className="row-actions">
                {confirming === product.sku ? (
                  <span role="group" aria-label={`Delete ${product.sku}?`} className="confirm">
                    <span>Delete {product.name}? Customers can no longer order it.</span>
                    <button type="button" className="button-danger" disabled={deleting} onClick={() => remove(product)}>
                      Yes, delete
                    </button>
                    <button type="button" className="button-link" disabled={deleting} onClick={() => setConfirming(null)}>
                      Keep it
                    </button>
                  </span>
                ) : (
                  <>
                    <button type="button" className="button-link" onClick={() => onEdit(product)}>
                      Edit
                    </button>
                    <button type="button" className="button-link" onClick={() => setConfirming(product.sku)}>
                      Delete
                    </button>
                  </>
                )}
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** null stock is unlimited and 0 is sold out, as the API defines them. */
export function stockLabel(stock: number | null): string {
  if (stock === null) {
    return 'Unlimited';
  }
  return stock === 0 ? 'Out of stock' : String(stock);
}

function byName(products: Product[]): Product[] {
  return [...products].sort((a, b) => a.name.localeCompare(b.name));
}
