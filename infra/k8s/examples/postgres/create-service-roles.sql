-- One service database with its three roles, as the local stack (infra/local ServiceDatabases) and the
-- tests (platform-test TestPostgres) make them. Run as a superuser, once per service database:
--
--   psql -v ON_ERROR_STOP=1 -v db=sellavie_ai -v owner_password=... -v app_password=... \
--        -v relay_password=... -f infra/postgres/create-service-roles.sql
--
-- :db_owner owns the database, schema public and (through the migrations) every table: Flyway connects
-- as it (SELLAVIE_DB_OWNER_USER). :db_app runs the service (SELLAVIE_DB_USER): rows only, granted by the
-- owner's default privileges, so row-level security binds it. :db_relay (SELLAVIE_DB_RELAY_USER) is the
-- only role with REPLICATION; the platform grants it the outbox and the relay's own tables at start-up.
-- Idempotent: existing roles get their attributes and passwords set again.
\set owner :db '_owner'
\set app :db '_app'
\set relay :db '_relay'

SELECT format('CREATE ROLE %I', r) FROM unnest(ARRAY[:'owner', :'app', :'relay']) AS r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec
ALTER ROLE :"owner" LOGIN NOREPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'owner_password';
ALTER ROLE :"app" LOGIN NOREPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'app_password';
ALTER ROLE :"relay" LOGIN REPLICATION NOSUPERUSER NOCREATEDB NOCREATEROLE NOBYPASSRLS PASSWORD :'relay_password';

SELECT format('CREATE DATABASE %I OWNER %I', :'db', :'owner')
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = :'db') \gexec

\connect :"db"
ALTER SCHEMA public OWNER TO :"owner";
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO :"app", :"relay";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO :"app";
ALTER DEFAULT PRIVILEGES FOR ROLE :"owner" IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO :"app";
