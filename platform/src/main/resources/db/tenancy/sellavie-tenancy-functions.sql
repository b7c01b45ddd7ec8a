-- Row-level security helpers for tenant-owned tables. Run by the platform before the service's own
-- migrations (a Flyway beforeMigrate callback), so those migrations can call sellavie_enable_tenancy.
-- Idempotent; the advisory lock keeps two instances starting at once from racing each other.
SELECT pg_advisory_xact_lock(hashtext('sellavie-tenancy-functions'));

-- The tenant of the current connection, from the session setting the platform's DataSource keeps in
-- step with the application's tenant context. With no tenant it fails loudly (SQLSTATE SV001, Sellavie's own), so
-- a query that forgot its tenant is an error rather than an empty result -- unless a named global
-- lookup is running, whose own policy decides.
CREATE OR REPLACE FUNCTION sellavie_current_business_id() RETURNS uuid
    LANGUAGE plpgsql STABLE PARALLEL SAFE AS $fn$
DECLARE
    setting text := current_setting('sellavie.business_id', true);
BEGIN
    IF coalesce(setting, '') <> '' THEN
        RETURN setting::uuid;
    END IF;
    IF coalesce(current_setting('sellavie.global_lookup', true), '') <> '' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'sellavie tenancy: no tenant (businessId) in context for a tenant-owned table'
        USING ERRCODE = 'SV001',
              HINT = 'Run it for a business (a request with a business_id claim, a record with a businessId '
                  || 'header, TenantContext.runAs) or inside an allowed Tenancy.globalLookup.';
END
$fn$;

-- True while an allowed global lookup (Tenancy.globalLookup) runs on this connection.
CREATE OR REPLACE FUNCTION sellavie_global_lookup_active() RETURNS boolean
    LANGUAGE sql STABLE PARALLEL SAFE AS $fn$
    SELECT coalesce(current_setting('sellavie.global_lookup', true), '') <> ''
$fn$;

-- Marks a table (with a business_id uuid column) as tenant-owned: every row is visible and writable
-- only for its business; named global lookups may read (never write) across businesses. FORCE makes
-- the policies bind the table's owner too, which is the role services connect as.
CREATE OR REPLACE FUNCTION sellavie_enable_tenancy(tenant_table regclass) RETURNS void
    LANGUAGE plpgsql AS $fn$
BEGIN
    EXECUTE format('ALTER TABLE %s ENABLE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format('ALTER TABLE %s FORCE ROW LEVEL SECURITY', tenant_table);
    EXECUTE format('DROP POLICY IF EXISTS sellavie_tenant_rows ON %s', tenant_table);
    -- (SELECT ...) makes the tenant an init-plan: computed once per statement, usable by an index.
    EXECUTE format('CREATE POLICY sellavie_tenant_rows ON %s'
        || ' USING (business_id = (SELECT sellavie_current_business_id()))'
        || ' WITH CHECK (business_id = (SELECT sellavie_current_business_id()))', tenant_table);
    EXECUTE format('DROP POLICY IF EXISTS sellavie_global_lookup ON %s', tenant_table);
    EXECUTE format('CREATE POLICY sellavie_global_lookup ON %s FOR SELECT'
        || ' USING ((SELECT sellavie_global_lookup_active()))', tenant_table);
END
$fn$;
