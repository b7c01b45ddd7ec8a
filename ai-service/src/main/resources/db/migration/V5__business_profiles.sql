-- The business profile the assistant answers from (knowledge API): short free texts, all optional.
CREATE TABLE business_profiles (
    business_id     uuid        PRIMARY KEY,
    about           text,
    opening_hours   text,
    delivery        text,
    returns         text,
    payment_methods text,
    updated_at      timestamptz NOT NULL DEFAULT now()
);
SELECT sellavie_enable_tenancy('business_profiles');
