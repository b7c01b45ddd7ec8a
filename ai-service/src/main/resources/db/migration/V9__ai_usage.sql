-- What each AI reply cost (issue 10 item 4; API /api/ai/usage, event AiUsageRecorded on ai.usage).
-- One row per answered ReplyRequested, written in the transaction that publishes the reply and marks
-- its job DONE: a redelivered request or a job worked twice never counts twice (primary key).
CREATE TABLE ai_usage (
    business_id         uuid        NOT NULL,
    reply_request_id    uuid        NOT NULL,
    reply_id            uuid        NOT NULL,
    -- The day the usage counts for, in the business's time zone when it was recorded (UTC if none).
    usage_day           date        NOT NULL,
    recorded_at         timestamptz NOT NULL,
    provider            text        NOT NULL,
    model               text,
    input_tokens        bigint      NOT NULL CHECK (input_tokens >= 0),
    output_tokens       bigint      NOT NULL CHECK (output_tokens >= 0),
    -- Millionths of a US dollar from the price table; null = no price for this provider and model
    -- (unknown, not free: the API reports such replies apart).
    cost_micro_usd      bigint      CHECK (cost_micro_usd >= 0),
    price_table_version text        NOT NULL,
    -- The monthly budget was reached and the business's cheaper model wrote the reply.
    budget_fallback     boolean     NOT NULL DEFAULT false,
    PRIMARY KEY (business_id, reply_request_id)
);
CREATE INDEX ai_usage_by_day ON ai_usage (business_id, usage_day);
SELECT sellavie_enable_tenancy('ai_usage');

-- A monthly budget per business, with the AI settings: null = none. When the month's cost reaches it:
-- CHEAPER_MODEL = the first provider of its order answers with budget_model; HANDOFF = no model call,
-- the conversation goes to a person (and the team is alerted).
ALTER TABLE ai_settings
    ADD COLUMN monthly_budget_usd numeric(12, 2) CHECK (monthly_budget_usd > 0),
    ADD COLUMN on_budget          text CHECK (on_budget IN ('CHEAPER_MODEL', 'HANDOFF')),
    ADD COLUMN budget_model       text,
    ADD CONSTRAINT ai_settings_budget_policy CHECK (monthly_budget_usd IS NULL OR on_budget IS NOT NULL),
    ADD CONSTRAINT ai_settings_budget_model CHECK (on_budget IS DISTINCT FROM 'CHEAPER_MODEL' OR budget_model IS NOT NULL);
