package com.sellavie.platform.tenancy;

/** The service's runtime database role may not run it (see {@link DatabaseRoleCheck}); the message is one line. */
public class DatabaseRoleRejectedException extends IllegalStateException {

    private final String role;

    DatabaseRoleRejectedException(String role, String reason) {
        super("Refusing to start: database role '" + role + "' " + reason + ".");
        this.role = role;
    }

    public String role() {
        return role;
    }

    String fix() {
        return "Connect the service (SELLAVIE_DB_USER / spring.datasource.username) as its runtime role: LOGIN,"
                + " NOSUPERUSER, NOBYPASSRLS, NOREPLICATION, owning nothing, with SELECT/INSERT/UPDATE/DELETE granted"
                + " by the owner's default privileges. Migrations connect as the owner role (SELLAVIE_DB_OWNER_USER),"
                + " the outbox relay as the replication role (SELLAVIE_DB_RELAY_USER). See README, Configuration.";
    }
}
