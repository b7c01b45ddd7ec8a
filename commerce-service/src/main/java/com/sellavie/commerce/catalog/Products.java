package com.sellavie.commerce.catalog;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;
import org.springframework.data.repository.query.Param;

/**
 * The products table. Row-level security scopes every statement to the current business; the
 * queries name the business as well, so a forgotten tenant is an error rather than a wider read.
 */
interface Products extends ListCrudRepository<Product, UUID> {

    /** The product with this sku, ignoring case (skus are unique per business ignoring case). */
    @Query("SELECT * FROM products WHERE business_id = :businessId AND lower(sku) = lower(:sku)")
    Optional<Product> findBySku(@Param("businessId") UUID businessId, @Param("sku") String sku);

    @Query("SELECT * FROM products WHERE business_id = :businessId")
    List<Product> findAllOf(@Param("businessId") UUID businessId);
}
