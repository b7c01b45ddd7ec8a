package com.sellavie.conversation.channel;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Timeouts of the Graph API calls made while connecting a channel (a merchant waits for them).
 *
 * @param connectTimeout env {@code SELLAVIE_CHANNELS_GRAPH_CONNECT_TIMEOUT}, default 3 s
 * @param requestTimeout env {@code SELLAVIE_CHANNELS_GRAPH_REQUEST_TIMEOUT}, default 8 s (per call)
 */
@ConfigurationProperties("sellavie.channels.graph")
record ChannelGraphProperties(Duration connectTimeout, Duration requestTimeout) {

    ChannelGraphProperties {
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(8) : requestTimeout;
    }
}
