package com.sellavie.platform.tenancy;

import java.util.Map;
import javax.sql.DataSource;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Refuses to let the service start on a database role that row-level tenancy would not bind, or that
 * could undo it: a superuser, a BYPASSRLS role, the owner of its tables (or their schema), or a role
 * with REPLICATION (only the relay's own role streams the WAL). Runs once every singleton, Flyway
 * included, is ready, so before the web server or any listener starts.
 */
class DatabaseRoleCheck implements SmartInitializingSingleton {

    // Tables, views and sequences outside PostgreSQL's own schemas that the role owns or inherits
    // ownership of (pg_has_role ... USAGE: a member of the owner role acts as the owner).
    private static final String ROLE = """
            SELECT r.rolname, r.rolsuper, r.rolbypassrls, r.rolreplication,
                   (SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND n.nspname NOT LIKE 'pg\\_%' AND pg_has_role(r.oid, c.relowner, 'USAGE')
                     ORDER BY 1 LIMIT 1) AS owned_table,
                   (SELECT n.nspname FROM pg_namespace n
                     WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\\_%'
                       AND pg_has_role(r.oid, n.nspowner, 'USAGE') ORDER BY 1 LIMIT 1) AS owned_schema
              FROM pg_roles r WHERE r.rolname = current_user
            """;

    private final DataSource dataSource;

    DatabaseRoleCheck(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public void afterSingletonsInstantiated() {
        Map<String, Object> role = new JdbcTemplate(dataSource).queryForMap(ROLE);
        String name = (String) role.get("rolname");
        if (Boolean.TRUE.equals(role.get("rolsuper"))) {
            throw new DatabaseRoleRejectedException(name, "is a superuser, which row-level tenancy does not bind");
        }
        if (Boolean.TRUE.equals(role.get("rolbypassrls"))) {
            throw new DatabaseRoleRejectedException(name, "has BYPASSRLS, which row-level tenancy does not bind");
        }
        if (role.get("owned_table") != null) {
            throw new DatabaseRoleRejectedException(name, "owns table " + role.get("owned_table")
                    + " (an owner can turn row-level security off); run migrations as the owner, the service as another role");
        }
        if (role.get("owned_schema") != null) {
            throw new DatabaseRoleRejectedException(name, "owns schema " + role.get("owned_schema")
                    + " (an owner can drop its tables); run migrations as the owner, the service as another role");
        }
        if (Boolean.TRUE.equals(role.get("rolreplication"))) {
            throw new DatabaseRoleRejectedException(name,
                    "has REPLICATION, which only the outbox relay's own role (sellavie.relay.username) needs");
        }
    }
}
