-- A business's payment provider accounts. Secrets (secret key, webhook secret / secret hash, and a
-- Stripe webhook secret being rotated out) are stored only as Tink AEAD ciphertext whose associated
-- data is "<business_id>:<provider>", so a ciphertext copied to another row does not decrypt. The
-- *_hint columns hold the masked forms responses show (sk_test_…4f2a).
CREATE TABLE payment_providers (
    id                                 uuid PRIMARY KEY,
    business_id                        uuid        NOT NULL,
    provider                           text        NOT NULL CHECK (provider IN ('PAYSTACK', 'FLUTTERWAVE', 'STRIPE')),
    -- pe_ + 24 base62 characters: the unguessable last segment of the provider's webhook URL.
    endpoint_id                        text        NOT NULL,
    mode                               text        NOT NULL CHECK (mode IN ('TEST', 'LIVE')),
    currency                           text        NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    is_default                         boolean     NOT NULL,
    -- Flutterwave only: VERIF_HASH (v3 header) or HMAC_SHA256 (v4 flutterwave-signature).
    webhook_signature_scheme           text,
    secret_key_ciphertext              bytea       NOT NULL,
    secret_key_hint                    text        NOT NULL,
    -- Publishable keys are public by design (they go into customers' browsers): kept in clear.
    public_key                         text,
    webhook_secret_ciphertext          bytea,
    webhook_secret_hint                text,
    -- Stripe keeps a rolled webhook secret valid for 24 h; so does the verification here.
    previous_webhook_secret_ciphertext bytea,
    previous_webhook_secret_expires_at timestamptz,
    created_at                         timestamptz NOT NULL,
    updated_at                         timestamptz NOT NULL,
    version                            int         NOT NULL DEFAULT 0,
    CONSTRAINT payment_providers_business_provider_key UNIQUE (business_id, provider),
    CONSTRAINT payment_providers_endpoint_id_key UNIQUE (endpoint_id)
);
-- Exactly one default per business (the service moves it in one transaction).
CREATE UNIQUE INDEX payment_providers_one_default ON payment_providers (business_id) WHERE is_default;
SELECT sellavie_enable_tenancy('payment_providers');
