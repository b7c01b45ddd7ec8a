package com.sellavie.platform.tenancy;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Tenancy settings.
 *
 * @param globalLookups names of the lookups allowed to read across tenants, e.g.
 *                      {@code login-by-email}; keep this list short and reviewed
 * @param enforceInDatabase wrap the service's DataSource so every connection carries the tenant
 *                      to PostgreSQL's row-level security (default true)
 */
@ConfigurationProperties("sellavie.tenancy")
public record TenancyProperties(List<String> globalLookups, Boolean enforceInDatabase) {

    public TenancyProperties {
        globalLookups = globalLookups == null ? List.of() : List.copyOf(globalLookups);
        enforceInDatabase = enforceInDatabase == null || enforceInDatabase;
    }
}
