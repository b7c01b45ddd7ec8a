package com.sellavie.ai.orders;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.ai.orders.*}: which of the customer's orders a prompt lists.
 *
 * @param shown          at most this many, newest first
 * @param closedShownFor a cancelled, expired or refunded order is listed while its last change is this
 *                       recent (so the assistant can explain it); open ones always are
 */
@ConfigurationProperties("sellavie.ai.orders")
record OrdersProperties(Integer shown, Duration closedShownFor) {

    OrdersProperties {
        shown = shown == null ? 10 : shown;
        closedShownFor = closedShownFor == null ? Duration.ofDays(30) : closedShownFor;
        if (shown < 0) {
            throw new IllegalArgumentException("sellavie.ai.orders.shown must not be negative, was " + shown);
        }
        if (closedShownFor.isNegative()) {
            throw new IllegalArgumentException("sellavie.ai.orders.closed-shown-for must not be negative");
        }
    }
}
