-- What ai-service knows about each tenant to answer its customers. Both tables are tenant-owned
-- (row-level security on business_id).

-- The business's display name, from identity's BusinessRegistered.
CREATE TABLE businesses (
    business_id uuid PRIMARY KEY,
    name        text        NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now()
);
SELECT sellavie_enable_tenancy('businesses');

-- The small FAQ / catalog seed a reply draws on. FAQ: key = topic keyword, title = question,
-- body = answer. PRODUCT: key = sku, title = product name, body = description, with price,
-- currency and availability (CHECKOUT tags must name one of these skus).
CREATE TABLE knowledge (
    business_id uuid        NOT NULL,
    kind        text        NOT NULL CHECK (kind IN ('FAQ', 'PRODUCT')),
    key         text        NOT NULL CHECK (key <> ''),
    title       text        NOT NULL,
    body        text,
    price       numeric(12, 2) CHECK (price >= 0),
    currency    char(3),
    available   boolean,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, kind, key),
    CHECK (kind <> 'PRODUCT' OR (price IS NOT NULL AND currency IS NOT NULL AND available IS NOT NULL))
);
SELECT sellavie_enable_tenancy('knowledge');
