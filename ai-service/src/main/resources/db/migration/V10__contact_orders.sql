-- The customer's orders as commerce publishes them on commerce.orders (OrderPlaced, then OrderPaid,
-- PaymentFailed, OrderCancelled, OrderExpired, OrderRefunded). commerce owns orders; this is a read
-- model so a reply can tell the customer where their orders stand: one row per order, the latest
-- event's status by occurred_at. Personal data: erased and exported with the contact (ReplyJobPrivacy).
CREATE TABLE contact_orders (
    business_id     uuid        NOT NULL,
    order_id        uuid        NOT NULL,
    -- OrderPlaced's contact (null for an order born outside a conversation with a known contact)
    contact_id      uuid,
    conversation_id uuid,
    -- AWAITING_PAYMENT, PAYMENT_FAILED, PAID, CANCELLED, EXPIRED, REFUNDED
    status          text        NOT NULL,
    -- what was ordered, for people: "2 x Linen Shirt (LINEN-SHIRT-M); 1 x Canvas Tote (TOTE-01)"
    items           text        NOT NULL,
    total_minor     bigint      NOT NULL CHECK (total_minor >= 0),
    currency        text        NOT NULL,
    placed_at       timestamptz NOT NULL,
    -- occurredAt of the event the status reflects: a late older event never rolls the status back.
    occurred_at     timestamptz NOT NULL,
    updated_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (business_id, order_id)
);
SELECT sellavie_enable_tenancy('contact_orders');

CREATE INDEX contact_orders_contact ON contact_orders (business_id, contact_id, placed_at DESC);
CREATE INDEX contact_orders_conversation ON contact_orders (business_id, conversation_id, placed_at DESC);
