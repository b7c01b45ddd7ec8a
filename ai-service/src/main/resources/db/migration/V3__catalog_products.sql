-- The catalog the assistant offers, as commerce publishes it on commerce.catalog (ProductUpserted /
-- ProductRemoved). commerce owns the catalog; this is a read model, one row per product, the latest
-- state by occurred_at (an older event arriving late never rolls a product back). A removed product
-- stays as a tombstone (removed = true) so a late older upsert cannot bring it back.
CREATE TABLE catalog_products (
    business_id uuid        NOT NULL,
    product_id  uuid        NOT NULL,
    sku         text        NOT NULL,
    name        text,
    description text,
    price_minor bigint      CHECK (price_minor >= 0),
    currency    char(3),
    -- null = unlimited, 0 = unavailable
    stock       integer,
    active      boolean,
    removed     boolean     NOT NULL DEFAULT false,
    -- occurredAt of the event the row reflects: the ordering key of "latest state wins".
    occurred_at timestamptz NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, product_id),
    CHECK (removed OR (name IS NOT NULL AND price_minor IS NOT NULL AND currency IS NOT NULL
                       AND active IS NOT NULL))
);
SELECT sellavie_enable_tenancy('catalog_products');

-- No unique sku index: commerce keeps skus unique, but events of two products (one removed, one
-- taking its sku) may arrive in either order; the reader keeps the newest row per sku.
CREATE INDEX catalog_products_offered ON catalog_products (business_id, lower(sku)) WHERE NOT removed;
