-- The catalog moves to commerce (issue 7): the products ai-service kept itself (knowledge rows of kind
-- PRODUCT) become legacy_products, waiting for LegacyCatalogHandover to send them to commerce
-- (POST /internal/catalog/legacy-import); each business's rows are deleted once commerce took them.
-- Until then they still feed the assistant, unless commerce's catalog has reached this business.
CREATE TABLE legacy_products (
    business_id uuid        NOT NULL,
    sku         text        NOT NULL,
    name        text        NOT NULL,
    description text,
    price_minor bigint      NOT NULL CHECK (price_minor >= 0),
    currency    char(3)     NOT NULL,
    stock       integer,
    active      boolean     NOT NULL DEFAULT true,
    created_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, sku)
);
SELECT sellavie_enable_tenancy('legacy_products');

-- Both tables are tenant-owned with FORCE ROW LEVEL SECURITY, which binds this migration's role
-- too: the move runs business by business, as that business (the same session setting the
-- application uses), after a read-only global lookup found which businesses have products.
DO $move$
DECLARE
    tenant uuid;
    businesses uuid[];
BEGIN
    PERFORM set_config('sellavie.global_lookup', 'legacy-products-migration', true);
    SELECT coalesce(array_agg(DISTINCT business_id), '{}') INTO businesses FROM knowledge WHERE kind = 'PRODUCT';
    PERFORM set_config('sellavie.global_lookup', '', true);
    FOREACH tenant IN ARRAY businesses LOOP
        PERFORM set_config('sellavie.business_id', tenant::text, true);
        -- price numeric(12,2) in major units -> minor units with the currency's ISO 4217 fraction
        -- digits (the list java.util.Currency uses); a zero-digit currency's cents, which the old
        -- API allowed, are rounded half away from zero. available -> stock null (unlimited) or 0.
        INSERT INTO legacy_products (business_id, sku, name, description, price_minor, currency, stock, active)
        SELECT business_id, key, title, body,
               round(price * power(10::numeric, CASE
                   WHEN currency IN ('BIF', 'BYR', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG',
                                     'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF') THEN 0
                   WHEN currency IN ('BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND') THEN 3
                   WHEN currency IN ('CLF', 'UYW') THEN 4
                   WHEN currency IN ('XAG', 'XAU', 'XBA', 'XBB', 'XBC', 'XBD', 'XDR', 'XPD', 'XPT', 'XSU',
                                     'XTS', 'XUA', 'XXX') THEN 0
                   ELSE 2 END))::bigint,
               currency,
               CASE WHEN available THEN NULL ELSE 0 END,
               true
        FROM knowledge WHERE business_id = tenant AND kind = 'PRODUCT';
        DELETE FROM knowledge WHERE business_id = tenant AND kind = 'PRODUCT';
    END LOOP;
    PERFORM set_config('sellavie.business_id', '', true);
END
$move$;

-- The knowledge table keeps FAQs only from now on.
ALTER TABLE knowledge DROP CONSTRAINT knowledge_kind_check;
ALTER TABLE knowledge ADD CONSTRAINT knowledge_kind_check CHECK (kind = 'FAQ');
