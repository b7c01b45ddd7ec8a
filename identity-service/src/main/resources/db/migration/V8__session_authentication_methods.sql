-- How each session's user proved who they are (the `amr` of its access tokens, RFC 8176): set at log-in
-- or the 2FA step and carried into every token a refresh issues. Sessions from before this column are
-- taken as password-only, the weaker claim.
ALTER TABLE sessions ADD COLUMN authentication_methods text[] NOT NULL DEFAULT '{pwd}';
