package com.sellavie.platform.test;

import java.util.List;

/**
 * What a service database grants its three roles, run as a superuser in the new database (kept in step
 * with infra/local's ServiceDatabases and infra/postgres/create-service-roles.sh).
 */
public final class ServiceRoles {

    private ServiceRoles() {
    }

    public static List<String> grants(String owner, String app, String relay) {
        return List.of(
                // The owner creates in schema public; nobody else does (PostgreSQL before 15 let everyone).
                "ALTER SCHEMA public OWNER TO " + owner,
                "REVOKE CREATE ON SCHEMA public FROM PUBLIC",
                "GRANT USAGE ON SCHEMA public TO " + app + ", " + relay,
                // Every table and sequence the owner's migrations create is usable by the running service.
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                        + " GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO " + app,
                "ALTER DEFAULT PRIVILEGES FOR ROLE " + owner + " IN SCHEMA public"
                        + " GRANT USAGE, SELECT ON SEQUENCES TO " + app);
    }
}
