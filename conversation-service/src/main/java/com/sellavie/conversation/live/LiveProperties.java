package com.sellavie.conversation.live;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The live feed (prefix {@code sellavie.live}).
 *
 * @param heartbeat             a comment line this often on every stream, so proxies keep idle streams open
 * @param retention             events kept for Last-Event-ID resumes; an older id answers {@code reset}
 * @param purgeInterval         how often events past the retention are deleted
 * @param maxStreamsPerMember   open streams one member (token subject) may hold on this instance (tabs)
 * @param maxStreamsPerBusiness open streams one business may hold on this instance
 * @param streamBuffer          events waiting for one client; past it the backlog becomes one {@code reset}
 *                              (refetch everything); a resume replays at most half of it (more: {@code reset})
 * @param stallTimeout          a client whose stream has not taken a write for this long stopped reading: it
 *                              is dropped (it reconnects and resumes), never slowing the others
 * @param maxStreamDuration     a stream ends after this long (or when its token expires, if sooner); the
 *                              client reconnects with Last-Event-ID, so instances rebalance
 * @param maxReconnectBackoff   longest wait between attempts to get the LISTEN connection back
 */
@ConfigurationProperties("sellavie.live")
record LiveProperties(Duration heartbeat, Duration retention, Duration purgeInterval, Integer maxStreamsPerMember,
        Integer maxStreamsPerBusiness, Integer streamBuffer, Duration stallTimeout, Duration maxStreamDuration,
        Duration maxReconnectBackoff) {

    LiveProperties {
        heartbeat = heartbeat == null ? Duration.ofSeconds(20) : heartbeat;
        retention = retention == null ? Duration.ofMinutes(30) : retention;
        purgeInterval = purgeInterval == null ? Duration.ofMinutes(1) : purgeInterval;
        maxStreamsPerMember = maxStreamsPerMember == null ? 5 : Math.max(1, maxStreamsPerMember);
        maxStreamsPerBusiness = maxStreamsPerBusiness == null ? 200 : Math.max(1, maxStreamsPerBusiness);
        streamBuffer = streamBuffer == null ? 256 : Math.max(8, streamBuffer);
        stallTimeout = stallTimeout == null ? Duration.ofSeconds(30) : stallTimeout;
        maxStreamDuration = maxStreamDuration == null ? Duration.ofMinutes(30) : maxStreamDuration;
        maxReconnectBackoff = maxReconnectBackoff == null ? Duration.ofSeconds(10) : maxReconnectBackoff;
    }
}
