package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.Orders;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The order a notification names, among the notification's business's orders only (row-level security
 * and an explicit business check): by reference (Paystack and Flutterwave: our SLV- reference; Stripe:
 * the Checkout Session id), and for Stripe also by the order id it echoes (a refund's charge has no
 * session id). Another business's order is never found.
 */
@Component
class OrderMatching {

    private final Orders orders;
    private final JdbcTemplate jdbc;

    OrderMatching(Orders orders, JdbcTemplate jdbc) {
        this.orders = orders;
        this.jdbc = jdbc;
    }

    Optional<Order> find(Notification notification) {
        if (notification.reference() != null) {
            Optional<Order> byReference = orders.findByBusinessIdAndReference(notification.businessId(),
                    notification.reference());
            if (byReference.isPresent()) {
                return byReference;
            }
        }
        if ("STRIPE".equals(notification.provider()) && notification.echoedOrderId() != null) {
            try {
                return orders.findById(UUID.fromString(notification.echoedOrderId()))
                        .filter(order -> order.businessId().equals(notification.businessId()));
            } catch (IllegalArgumentException notAnId) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** The order, its row locked for the rest of the transaction (one notification changes it at a time). */
    Optional<Order> findLocked(Notification notification) {
        return find(notification).flatMap(order -> {
            jdbc.queryForList("SELECT id FROM orders WHERE id = ? FOR UPDATE", UUID.class, order.id());
            return orders.findById(order.id());
        });
    }
}
