package com.sellavie.commerce.payment.settings;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Modifying;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/** The payment_providers table; row-level security scopes it to the current business. */
interface ProviderSettingsRepository extends ListCrudRepository<ProviderSettings, UUID> {

    @Query("SELECT * FROM payment_providers WHERE business_id = :businessId ORDER BY provider")
    List<ProviderSettings> findAllOf(@Param("businessId") UUID businessId);

    @Query("SELECT * FROM payment_providers WHERE business_id = :businessId AND provider = :provider")
    Optional<ProviderSettings> findOne(@Param("businessId") UUID businessId, @Param("provider") String provider);

    @Query("SELECT * FROM payment_providers WHERE business_id = :businessId AND is_default")
    Optional<ProviderSettings> findDefault(@Param("businessId") UUID businessId);

    @Query("SELECT * FROM payment_providers WHERE business_id = :businessId AND endpoint_id = :endpointId")
    Optional<ProviderSettings> findByEndpointId(@Param("businessId") UUID businessId,
            @Param("endpointId") String endpointId);

    /**
     * Takes the default away from the business's other providers (before the new default is saved:
     * the one-default index is checked per statement). Bumps their version like any other change.
     */
    @Modifying
    @Query("UPDATE payment_providers SET is_default = false, version = version + 1 "
            + "WHERE business_id = :businessId AND provider <> :provider AND is_default")
    int clearDefaultExcept(@Param("businessId") UUID businessId, @Param("provider") String provider);
}
