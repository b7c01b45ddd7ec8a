-- The catalog: what a business sells. Prices in the currency's minor units; never taken from a
-- customer or a model, only from here.
CREATE TABLE products (
    id          uuid PRIMARY KEY,
    business_id uuid        NOT NULL,
    -- As the merchant wrote it; unique per business ignoring case (CHECKOUT tags name it).
    sku         text        NOT NULL,
    name        text        NOT NULL,
    description text,
    price_minor bigint      NOT NULL CHECK (price_minor >= 0),
    currency    text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- NULL: unlimited; 0: unavailable.
    stock       int         CHECK (stock >= 0),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- Optimistic locking (Spring Data JDBC @Version): two edits of one product never silently overwrite.
    version     int         NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX products_business_sku_key ON products (business_id, lower(sku));
CREATE INDEX products_business_name_idx ON products (business_id, lower(name));
SELECT sellavie_enable_tenancy('products');
