package com.sellavie.ai.orders;

import com.sellavie.ai.knowledge.BusinessKnowledge.Order;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * The orders a reply may speak of: only those of the customer being answered (their contact id; a
 * request without one, its conversation's), open ones and recently closed ones, newest first.
 */
@Service
@EnableConfigurationProperties(OrdersProperties.class)
public class ContactOrders {

    private final ContactOrderRows rows;
    private final OrdersProperties properties;
    private final Clock clock;

    ContactOrders(ContactOrderRows rows, OrdersProperties properties, Clock clock) {
        this.rows = rows;
        this.properties = properties;
        this.clock = clock;
    }

    /** Run as the business, inside the caller's (read) transaction. */
    public List<Order> of(UUID businessId, UUID contactId, UUID conversationId) {
        if ((contactId == null && conversationId == null) || properties.shown() == 0) {
            return List.of();
        }
        return rows.of(businessId, contactId, conversationId,
                Timestamp.from(clock.instant().minus(properties.closedShownFor())), properties.shown());
    }
}
