-- Invoices: one per paid order, numbered INV-<year>-<6 digits> without gaps per business and year.

-- The last number given per business and year. Locked (FOR UPDATE) by the transaction that issues an
-- invoice, so numbers are handed out one at a time and a rolled-back issue gives its number back.
CREATE TABLE invoice_counters (
    business_id uuid NOT NULL,
    year        int  NOT NULL,
    last_number int  NOT NULL CHECK (last_number >= 0),
    PRIMARY KEY (business_id, year)
);
SELECT sellavie_enable_tenancy('invoice_counters');

-- A snapshot of the paid order at the time it was invoiced (lines, total, reference, provider, paidAt):
-- the invoice never changes when the order does.
CREATE TABLE invoices (
    id               uuid PRIMARY KEY,
    business_id      uuid        NOT NULL,
    order_id         uuid        NOT NULL REFERENCES orders (id),
    number           text        NOT NULL,
    year             int         NOT NULL,
    sequence         int         NOT NULL CHECK (sequence > 0),
    total_minor      bigint      NOT NULL CHECK (total_minor >= 0),
    currency         text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    provider         text        NOT NULL,
    reference        text,
    conversation_id  uuid,
    paid_at          timestamptz NOT NULL,
    issued_at        timestamptz NOT NULL,
    -- The OutboundMessageRequested that asked for the customer's receipt (null: no conversation to send to).
    receipt_event_id uuid,
    -- One invoice per order, whatever redelivers OrderPaid.
    CONSTRAINT invoices_order_key UNIQUE (order_id),
    CONSTRAINT invoices_number_key UNIQUE (business_id, number),
    CONSTRAINT invoices_sequence_key UNIQUE (business_id, year, sequence)
);
CREATE INDEX invoices_business_issued_idx ON invoices (business_id, issued_at DESC, id DESC);
SELECT sellavie_enable_tenancy('invoices');

CREATE TABLE invoice_lines (
    invoice_id       uuid   NOT NULL REFERENCES invoices (id) ON DELETE CASCADE,
    line_no          int    NOT NULL,
    business_id      uuid   NOT NULL,
    sku              text   NOT NULL,
    name             text   NOT NULL,
    quantity         int    NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (invoice_id, line_no)
);
SELECT sellavie_enable_tenancy('invoice_lines');

-- Revenue per day: orders paid and checkout links created within a range.
CREATE INDEX orders_business_paid_idx ON orders (business_id, paid_at) WHERE paid_at IS NOT NULL;
CREATE INDEX order_timeline_business_kind_at_idx ON order_timeline (business_id, kind, at);

-- Businesses' display names from identity.businesses (BusinessRegistered), printed on invoices.
CREATE TABLE business_names (
    business_id uuid PRIMARY KEY,
    name        text        NOT NULL,
    updated_at  timestamptz NOT NULL
);
SELECT sellavie_enable_tenancy('business_names');
