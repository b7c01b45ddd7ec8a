package com.sellavie.ingest.payment.endpoint;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How long commerce's answers are reused ({@code sellavie.ingest.payments.endpoint-cache}).
 *
 * @param foundTtl   a known endpoint (default 60 s): a changed secret is seen within this, and the
 *                   provider's retry covers a webhook refused meanwhile
 * @param unknownTtl an unknown endpoint id (default 10 s): short, so a newly configured provider works at once,
 *                   long enough that a burst of probes for one id costs commerce one call
 * @param maxSize    entries kept at most (default 10,000)
 */
@ConfigurationProperties("sellavie.ingest.payments.endpoint-cache")
public record EndpointCacheProperties(Duration foundTtl, Duration unknownTtl, Long maxSize) {

    public EndpointCacheProperties {
        foundTtl = foundTtl == null ? Duration.ofSeconds(60) : foundTtl;
        unknownTtl = unknownTtl == null ? Duration.ofSeconds(10) : unknownTtl;
        maxSize = maxSize == null ? 10_000L : maxSize;
    }
}
