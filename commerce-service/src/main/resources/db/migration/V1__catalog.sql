-- The catalog: what a business sells. Prices in the currency's minor units; never taken from a
-- customer or a model, only from here.
CREATE TABLE products (
    id          uuid PRIMARY KEY,
    business_id uuid        NOT NULL,
    sku         text        NOT NULL,
    name        text        NOT NULL,
    description text,
    price_minor bigint      NOT NULL CHECK (price_minor >= 0),
    currency    char(3)     NOT NULL,
    -- NULL: unlimited; 0: unavailable.
    stock       int         CHECK (stock >= 0),
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL,
    -- Optimistic locking (Spring Data JDBC @Version): two edits of one product never silently overwrite.
    version     int         NOT NULL DEFAULT 0,
    CONSTRAINT products_business_sku_key UNIQUE (business_id, sku)
);
SELECT sellavie_enable_tenancy('products');
