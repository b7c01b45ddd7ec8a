package com.sellavie.ingest.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Payment webhook settings ({@code sellavie.ingest.payments}).
 *
 * @param maxBodySize largest body accepted (default 1 MiB; provider events are a few kB)
 */
@ConfigurationProperties("sellavie.ingest.payments")
record PaymentWebhookProperties(DataSize maxBodySize) {

    static final DataSize DEFAULT_MAX_BODY_SIZE = DataSize.ofMegabytes(1); // 1024 * 1024 bytes

    PaymentWebhookProperties {
        maxBodySize = maxBodySize == null ? DEFAULT_MAX_BODY_SIZE : maxBodySize;
    }
}
