-- Payments in: verified payment notifications from ingest (PaymentEventReceived), reconciled with orders.

-- Each notification once per business, provider and provider event id (a repeated delivery inserts
-- nothing), recorded by the Kafka consumer and worked later by the reconciliation scheduler, which may
-- call the provider's verify endpoint: state DUE (waiting, due at next_at) -> DONE (outcome set).
CREATE TABLE payment_notifications (
    id                      uuid PRIMARY KEY,
    business_id             uuid        NOT NULL,
    provider                text        NOT NULL,
    provider_event_id       text        NOT NULL,
    -- The PaymentEventReceived that brought it (the causation of what it changes).
    event_id                uuid        NOT NULL,
    correlation_id          text        NOT NULL,
    event_type              text        NOT NULL,
    -- SUCCEEDED, FAILED, REFUNDED or OTHER (ingest's normalised outcome).
    status                  text        NOT NULL,
    reference               text,
    -- The order id the provider echoed back (metadata, client_reference_id), as given.
    echoed_order_id         text,
    provider_transaction_id text,
    amount_minor            bigint,
    currency                text,
    livemode                boolean,
    received_at             timestamptz NOT NULL,
    state                   text        NOT NULL DEFAULT 'DUE',
    outcome                 text,
    next_at                 timestamptz,
    attempts                int         NOT NULL DEFAULT 0,
    last_error              text,
    lease_owner             uuid,
    lease_until             timestamptz,
    processed_at            timestamptz,
    CONSTRAINT payment_notifications_event_key UNIQUE (business_id, provider, provider_event_id)
);
CREATE INDEX payment_notifications_due_idx ON payment_notifications (next_at) WHERE state = 'DUE';
SELECT sellavie_enable_tenancy('payment_notifications');

-- The ledger: every payment, failure and refund notification worked, with the provider's ids and what
-- it did to the order (status). One row per notification.
CREATE TABLE payment_transactions (
    id                      uuid PRIMARY KEY,
    business_id             uuid        NOT NULL,
    notification_id         uuid        NOT NULL REFERENCES payment_notifications (id),
    order_id                uuid,
    provider                text        NOT NULL,
    -- PAYMENT, FAILURE, REFUND (OTHER for a notification of no known outcome).
    kind                    text        NOT NULL,
    provider_event_id       text        NOT NULL,
    provider_transaction_id text,
    reference               text,
    amount_minor            bigint,
    currency                text,
    -- What it did: PAID, ALREADY_PAID, PAYMENT_FAILED, FAILURE_IGNORED, REFUNDED, ALREADY_REFUNDED,
    -- DISCREPANCY, RECORDED.
    status                  text        NOT NULL,
    recorded_at             timestamptz NOT NULL,
    CONSTRAINT payment_transactions_notification_key UNIQUE (notification_id)
);
CREATE INDEX payment_transactions_business_idx ON payment_transactions (business_id, recorded_at DESC, id DESC);
CREATE INDEX payment_transactions_order_idx ON payment_transactions (order_id);
SELECT sellavie_enable_tenancy('payment_transactions');

-- Notifications that did not match: nothing was marked paid; the team sees them.
CREATE TABLE payment_discrepancies (
    id                      uuid PRIMARY KEY,
    business_id             uuid        NOT NULL,
    notification_id         uuid        NOT NULL REFERENCES payment_notifications (id),
    order_id                uuid,
    provider                text        NOT NULL,
    provider_event_id       text        NOT NULL,
    reference               text,
    -- UNKNOWN_REFERENCE, AMOUNT_MISMATCH, CURRENCY_MISMATCH, VERIFICATION_FAILED, ORDER_NOT_PAYABLE,
    -- ORDER_NOT_REFUNDABLE.
    kind                    text        NOT NULL,
    expected_amount_minor   bigint,
    received_amount_minor   bigint,
    currency                text,
    detail                  text,
    recorded_at             timestamptz NOT NULL,
    CONSTRAINT payment_discrepancies_notification_key UNIQUE (notification_id)
);
CREATE INDEX payment_discrepancies_business_idx ON payment_discrepancies (business_id, recorded_at DESC, id DESC);
SELECT sellavie_enable_tenancy('payment_discrepancies');
