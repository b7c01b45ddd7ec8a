-- Issue 8, sandbox ("Try your assistant"): one SANDBOX channel per business, created on its first sandbox
-- message. It talks to no provider, so it has no token; its external id ("sandbox-<businessId>") is unique
-- under channels_live_account_key, which makes its creation race-safe (INSERT ... ON CONFLICT DO NOTHING).
ALTER TABLE channels DROP CONSTRAINT channels_token_unless_disconnected;
ALTER TABLE channels ADD CONSTRAINT channels_token_unless_disconnected
    CHECK (status = 'DISCONNECTED' OR type = 'SANDBOX' OR access_token_ciphertext IS NOT NULL);
