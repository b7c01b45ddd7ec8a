package com.sellavie.commerce.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sellavie.commerce.orders.*}.
 *
 * @param expireAfter   an order unpaid this long after it was placed expires
 * @param expiryInterval how often the expiry job looks for such orders
 * @param expiryBatch   orders expired per run at most (the next run takes the rest)
 */
@ConfigurationProperties("sellavie.commerce.orders")
public record OrderProperties(@DefaultValue("24h") Duration expireAfter, @DefaultValue("1m") Duration expiryInterval,
        @DefaultValue("500") int expiryBatch) {
}
