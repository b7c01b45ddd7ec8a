package com.sellavie.platform.tenancy;

import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The application's door to tenancy: run work as a business, or run one of the few named lookups
 * that must see every tenant's rows (login by email, routing by channel id, uniqueness checks).
 *
 * <p>Global lookups are read-only at the database: the row-level-security policy they switch on
 * covers {@code SELECT} only, so a write inside one still needs a tenant.
 */
public class Tenancy {

    private final Set<String> allowedGlobalLookups;

    public Tenancy(TenancyProperties properties) {
        this.allowedGlobalLookups = Set.copyOf(properties.globalLookups());
    }

    /**
     * Runs {@code lookup} so that it sees all tenants' rows, if {@code name} is in the configured
     * allow-list ({@code sellavie.tenancy.global-lookups}); otherwise refuses it.
     */
    public <T> T globalLookup(String name, Supplier<T> lookup) {
        if (name == null || !allowedGlobalLookups.contains(name)) {
            throw new UnknownGlobalLookupException("Global lookup '" + name + "' is not allowed; allowed: "
                    + allowedGlobalLookups.stream().sorted().toList() + " (sellavie.tenancy.global-lookups)");
        }
        try (TenantContext.Scope ignored = TenantContext.enterGlobalLookup(name)) {
            return lookup.get();
        }
    }

    public void runAs(UUID businessId, Runnable work) {
        TenantContext.runAs(businessId, work);
    }

    public <T> T callAs(UUID businessId, Supplier<T> work) {
        return TenantContext.callAs(businessId, work);
    }
}
