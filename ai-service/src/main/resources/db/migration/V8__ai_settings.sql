-- A business's own AI settings (issue 10 item 3; API /api/ai/settings). No row = the deployment's
-- defaults (sellavie.ai.providers and its endpoints). Three tenant-owned tables, one aggregate.
CREATE TABLE ai_settings (
    business_id     uuid        PRIMARY KEY,
    -- null = the provider's own default
    temperature     numeric(3, 2) CHECK (temperature BETWEEN 0 AND 2),
    -- max_tokens of every reply; null = the endpoint's max-tokens
    max_reply_tokens integer    CHECK (max_reply_tokens BETWEEN 1 AND 4000),
    -- tone / persona, written into the system prompt (neutralised there like every merchant text)
    tone            text        CHECK (length(tone) <= 500),
    -- CUSTOMER = in the customer's language; FIXED = always in fixed_language (BCP 47)
    language_policy text        NOT NULL CHECK (language_policy IN ('CUSTOMER', 'FIXED')),
    fixed_language  text        CHECK (language_policy <> 'FIXED' OR fixed_language IS NOT NULL),
    updated_at      timestamptz NOT NULL,
    version         integer     NOT NULL
);
SELECT sellavie_enable_tenancy('ai_settings');

-- The providers in the business's order (position 0 first). name = an endpoint of the deployment or
-- offline. The business's own key only as Tink AEAD ciphertext (associated data = business id) and
-- the hint the API shows (sk-…1a2b); no key = the platform's.
CREATE TABLE ai_settings_providers (
    business_id    uuid    NOT NULL REFERENCES ai_settings (business_id) ON DELETE CASCADE,
    position       integer NOT NULL,
    name           text    NOT NULL,
    model          text,
    key_ciphertext bytea,
    key_hint       text,
    PRIMARY KEY (business_id, position),
    UNIQUE (business_id, name),
    CHECK ((key_ciphertext IS NULL) = (key_hint IS NULL))
);
SELECT sellavie_enable_tenancy('ai_settings_providers');

-- Channel kinds (INSTAGRAM, MESSENGER, WHATSAPP) the assistant does not answer on: their customers'
-- messages are handed to the team. Absent = on.
CREATE TABLE ai_settings_channels_off (
    business_id uuid NOT NULL REFERENCES ai_settings (business_id) ON DELETE CASCADE,
    channel     text NOT NULL,
    PRIMARY KEY (business_id, channel)
);
SELECT sellavie_enable_tenancy('ai_settings_channels_off');
