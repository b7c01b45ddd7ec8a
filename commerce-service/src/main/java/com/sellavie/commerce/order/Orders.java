package com.sellavie.commerce.order;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jdbc.repository.query.Query;
import org.springframework.data.repository.ListCrudRepository;

/** The order aggregates, lines and timeline included. Row-level security scopes them to the current business. */
public interface Orders extends ListCrudRepository<Order, UUID> {

    Optional<Order> findByBusinessIdAndReplyEventId(UUID businessId, String replyEventId);

    /** The customer's open order for exactly these items, if any (the duplicate guard). */
    @Query("SELECT * FROM orders WHERE business_id = :businessId AND customer_key = :customerKey "
            + "AND items_key = :itemsKey AND status = 'PENDING_PAYMENT' ORDER BY created_at DESC LIMIT 1")
    Optional<Order> findOpen(UUID businessId, UUID customerKey, String itemsKey);

    Optional<Order> findByBusinessIdAndReference(UUID businessId, String reference);
}
