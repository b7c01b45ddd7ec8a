package com.sellavie.commerce.business;

import com.sellavie.platform.tenancy.TenantContext;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Businesses' display names as identity announced them ({@code BusinessRegistered}, {@code BusinessUpdated} on
 * {@code identity.businesses}); a business registered before commerce listened, or whose event has not
 * arrived yet, has none.
 */
@Component
public class BusinessNames {

    private final JdbcTemplate jdbc;

    BusinessNames(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The current business's name, if known. */
    public Optional<String> current() {
        UUID business = TenantContext.requireBusinessId();
        return jdbc.queryForList("SELECT name FROM business_names WHERE business_id = ?", String.class, business)
                .stream().findFirst();
    }

    void remember(UUID businessId, String name) {
        jdbc.update("INSERT INTO business_names (business_id, name, updated_at) VALUES (?, ?, now()) "
                + "ON CONFLICT (business_id) DO UPDATE SET name = excluded.name, updated_at = now()", businessId, name);
    }
}
