package com.sellavie.gateway.edge;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Largest request bodies the gateway forwards.
 *
 * @param webhooks for {@code /webhooks/**} (Meta's batched deliveries stay far below 4 MiB)
 * @param api for every other path, {@code /api/**} included (the console sends small JSON)
 */
@ConfigurationProperties("sellavie.gateway.max-body-size")
record BodySizeLimits(@DefaultValue("4MB") DataSize webhooks, @DefaultValue("1MB") DataSize api) {
}
