-- Orders: born from a CHECKOUT action, priced from the catalog when placed.
--
-- status: PENDING_PAYMENT -> PAID | PAYMENT_FAILED | EXPIRED | CANCELLED; PAID -> REFUNDED.
-- checkout_status: the checkout link's own progress: PENDING (to be created with the provider, due at
-- checkout_next_at), CREATED (checkout_url set, link message requested), FAILED (refused for good or
-- unreachable past the horizon; the team is alerted, the order stays PENDING_PAYMENT until it expires
-- or is cancelled).
CREATE TABLE orders (
    id                   uuid PRIMARY KEY,
    business_id          uuid        NOT NULL,
    status               text        NOT NULL,
    origin               text        NOT NULL,
    conversation_id      uuid,
    contact_id           uuid,
    -- Who the order belongs to for the duplicate guard: the contact, or the conversation when the
    -- reply named no contact.
    customer_key         uuid        NOT NULL,
    -- The ReplyGenerated whose CHECKOUT action placed it: the same reply never makes two orders.
    reply_event_id       text,
    correlation_id       text        NOT NULL,
    total_minor          bigint      NOT NULL CHECK (total_minor >= 0),
    currency             text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    -- Fixed when placed: the business's default provider at that moment.
    provider             text        NOT NULL,
    -- The provider's reference of this order's payment (what its webhooks name): "SLV-<order id hex>"
    -- for Paystack and Flutterwave (known when placed), the Checkout Session id for Stripe (known once
    -- the session exists).
    reference            text,
    checkout_status      text        NOT NULL,
    checkout_url         text,
    checkout_next_at     timestamptz,
    checkout_error       text,
    -- Calls made to the provider; written by the scheduler's claim only.
    checkout_attempts    int         NOT NULL DEFAULT 0,
    -- The scheduler's lease on the link creation: one instance calls the provider at a time.
    checkout_lease_owner uuid,
    checkout_lease_until timestamptz,
    -- sku:qty pairs sorted: "the same contact asking for the same items while an order is open".
    items_key            text        NOT NULL,
    created_at           timestamptz NOT NULL,
    expires_at           timestamptz NOT NULL,
    paid_at              timestamptz,
    closed_at            timestamptz,
    updated_at           timestamptz NOT NULL,
    version              int         NOT NULL DEFAULT 0,
    CONSTRAINT orders_reference_key UNIQUE (reference),
    CONSTRAINT orders_reply_event_key UNIQUE (business_id, reply_event_id)
);
CREATE INDEX orders_business_created_idx ON orders (business_id, created_at DESC);
CREATE INDEX orders_open_by_customer_idx ON orders (business_id, customer_key, items_key)
    WHERE status = 'PENDING_PAYMENT';
CREATE INDEX orders_checkout_due_idx ON orders (checkout_next_at)
    WHERE checkout_status = 'PENDING' AND status = 'PENDING_PAYMENT';
CREATE INDEX orders_expiry_idx ON orders (expires_at) WHERE status = 'PENDING_PAYMENT';
SELECT sellavie_enable_tenancy('orders');

CREATE TABLE order_lines (
    order_id         uuid    NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    line_no          int     NOT NULL,
    business_id      uuid    NOT NULL,
    sku              text    NOT NULL,
    name             text    NOT NULL,
    quantity         int     NOT NULL CHECK (quantity > 0),
    unit_price_minor bigint  NOT NULL CHECK (unit_price_minor >= 0),
    PRIMARY KEY (order_id, line_no)
);
SELECT sellavie_enable_tenancy('order_lines');

-- What happened to an order, for the console's timeline (placed, link created/failed/sent, paid, ...).
CREATE TABLE order_timeline (
    order_id    uuid        NOT NULL REFERENCES orders (id) ON DELETE CASCADE,
    seq         int         NOT NULL,
    business_id uuid        NOT NULL,
    kind        text        NOT NULL,
    at          timestamptz NOT NULL,
    detail      text,
    PRIMARY KEY (order_id, seq)
);
SELECT sellavie_enable_tenancy('order_timeline');
