import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiError, api, type Product } from '../../api';
import { Alert } from '../../components/Alert';
import { Field, TextAreaField } from '../../components/Field';
import { formErrorsFrom, noErrors, type FormErrors } from '../../components/formErrors';
import { fractionDigits, isCurrencyCode, minorToMajorText, parsePrice, priceShapeError } from '../../format/money';

const fields = ['sku', 'name', 'description', 'price', 'currency', 'stock', 'active'] as const;
type ProductField = (typeof fields)[number];
type ProductValues = Record<Exclude<ProductField, 'active'>, string> & { active: boolean };

/** The server's rules (commerce-service), checked here first so most mistakes need no round trip. */
const SKU_PATTERN = /^[\p{L}\p{N}][\p{L}\p{N}._/-]*$/u;
const SKU_MAX = 64;
const NAME_MAX = 200;
const DESCRIPTION_MAX = 2000;

type ProductFormProps = {
  /** The product to edit; null adds a new one. */
  product: Product | null;
  defaultCurrency: string;
  onSaved: (product: Product, created: boolean) => void;
  onCancel: () => void;
};

/** Add or edit one product. The price is typed in major units and sent as exact minor units. */
export function ProductForm({ product, defaultCurrency, onSaved, onCancel }: ProductFormProps) {
  const creating = product === null;
  const [values, setValues] = useState<ProductValues>(() => initialValues(product, defaultCurrency));
  const [errors, setErrors] = useState<FormErrors<ProductField>>(noErrors);
  const save = useMutation({
    mutationFn: (next: Product) => (creating ? api.createProduct(next) : api.updateProduct(next.sku, next)),
  });
  const submitting = save.isPending;

  const set = (field: Exclude<ProductField, 'active'>) => (value: string) =>
    setValues((current) => ({ ...current, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const checked = validate(values);
    if (!checked.ok) {
      setErrors({ fields: checked.errors, general: null });
      return;
    }
    setErrors(noErrors);
    try {
      const saved = await save.mutateAsync(checked.product);
      onSaved(saved ?? checked.product, creating);
    } catch (error) {
      setErrors(submitErrors(error));
    }
  };

  const currency = values.currency.trim().toUpperCase();
  const digits = isCurrencyCode(currency) ? fractionDigits(currency) : null;
  return (
    <form onSubmit={submit} noValidate className="form card product-form" aria-label={creating ? 'Add product' : `Edit ${product.sku}`}>
      <h2>{creating ? 'Add product' : `Edit ${product.sku}`}</h2>
      {errors.general && <Alert>{errors.general}</Alert>}
      <Field
        label="SKU"
        autoComplete="off"
        value={values.sku}
        onChange={set('sku')}
        readOnly={!creating}
        hint={creating ? 'Your own code for the product, e.g. SHIRT-LINEN-M. It cannot be changed later.' : 'The SKU cannot be changed.'}
        error={errors.fields.sku}
      />
      <Field label="Name" autoComplete="off" value={values.name} onChange={set('name')} error={errors.fields.name} />
      <TextAreaField
        label="Description"
        rows={3}
        value={values.description}
        onChange={set('description')}
        error={errors.fields.description}
      />
      <div className="field-row">
        <Field
          label="Price"
          inputMode="decimal"
          autoComplete="off"
          value={values.price}
          onChange={set('price')}
          hint={
            digits === null
              ? 'In the currency’s main unit, e.g. 25000.50'
              : digits === 0
                ? `In whole ${currency}, no decimals`
                : `In ${currency}, up to ${digits} decimals, e.g. 25000.50`
          }
          error={errors.fields.price}
        />
        <Field
          label="Currency"
          autoComplete="off"
          maxLength={3}
          value={values.currency}
          onChange={(value) => set('currency')(value.toUpperCase())}
          hint="ISO 4217 code, e.g. NGN, GHS, USD"
          error={errors.fields.currency}
        />
        <Field
          label="Stock"
          inputMode="numeric"
          autoComplete="off"
          value={values.stock}
          onChange={set('stock')}
          hint="Empty = unlimited, 0 = out of stock"
          error={errors.fields.stock}
        />
      </div>
      <label className="checkbox">
        <input
          type="checkbox"
          checked={values.active}
          onChange={(event) => setValues((current) => ({ ...current, active: event.target.checked }))}
        />
        Active (the assistant offers it and customers can order it)
      </label>
      {errors.fields.active && <p className="field-error">{errors.fields.active}</p>}
      <div className="form-actions">
        <button type="submit" className="button-primary" disabled={submitting}>
          Save product
        </button>
        <button type="button" className="button-link" onClick={onCancel} disabled={submitting}>
          Cancel
        </button>
      </div>
    </form>
  );
}

function initialValues(product: Product | null, defaultCurrency: string): ProductValues {
  if (!product) {
    return { sku: '', name: '', description: '', price: '', currency: defaultCurrency, stock: '', active: true };
  }
  return {
    sku: product.sku,
    name: product.name,
    description: product.description ?? '',
    price: minorToMajorText(product.priceMinor, product.currency),
    currency: product.currency,
    stock: product.stock === null ? '' : String(product.stock),
    active: product.active,
  };
}

type Checked = { ok: true; product: Product } | { ok: false; errors: Partial<Record<ProductField, string>> };

/** Every problem at once, in the server's words where it has rules. */
export function validate(values: ProductValues): Checked {
  const errors: Partial<Record<ProductField, string>> = {};
  const sku = values.sku.trim();
  const name = values.name.trim();
  const description = values.description.trim();
  const currency = values.currency.trim().toUpperCase();
  const stockText = values.stock.trim();

  if (!sku) {
    errors.sku = 'Enter a SKU.';
  } else if (sku.length > SKU_MAX) {
    errors.sku = `At most ${SKU_MAX} characters.`;
  } else if (!SKU_PATTERN.test(sku)) {
    errors.sku = 'Letters, digits and . _ / - only, starting with a letter or digit.';
  }
  if (!name) {
    errors.name = 'Give the product a name.';
  } else if (name.length > NAME_MAX) {
    errors.name = `At most ${NAME_MAX} characters.`;
  }
  if (description.length > DESCRIPTION_MAX) {
    errors.description = `At most ${DESCRIPTION_MAX} characters.`;
  }
  if (!isCurrencyCode(currency)) {
    errors.currency = 'Enter a three-letter currency code, e.g. NGN.';
  }
  let priceMinor: number | null = null;
  if (isCurrencyCode(currency)) {
    const price = parsePrice(values.price, currency);
    if (price.ok) {
      priceMinor = price.minor;
    } else {
      errors.price = price.message;
    }
  } else {
    // Without a currency the number of decimals allowed is unknown: only the number's shape is checked.
    const shape = priceShapeError(values.price);
    if (shape) {
      errors.price = shape;
    }
  }
  let stock: number | null = null;
  if (stockText) {
    if (!/^\d{1,9}$/.test(stockText)) {
      errors.stock = 'Enter a whole number of items (0 = out of stock), or leave it empty for unlimited.';
    } else {
      stock = Number(stockText);
    }
  }
  if (Object.keys(errors).length > 0 || priceMinor === null) {
    return { ok: false, errors };
  }
  return {
    ok: true,
    product: { sku, name, description: description || null, priceMinor, currency, stock, active: values.active },
  };
}

function submitErrors(error: unknown): FormErrors<ProductField> {
  if (error instanceof ApiError && error.status === 401) {
    // The session ended; the route guard is taking the user to log-in.
    return noErrors;
  }
  if (error instanceof ApiError && error.status === 403) {
    return { fields: {}, general: 'Only owners and admins can change the catalog.' };
  }
  // 400 and 409 (a SKU already used: commerce names the field; a product changed meanwhile: the detail says so).
  return formErrorsFrom(error, fields, { priceMinor: 'price' });
}
