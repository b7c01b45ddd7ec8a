package com.sellavie.platform.relay;

import java.time.Instant;

/**
 * What a relay instance is doing, as of now.
 *
 * @param role            LEADER streams, STANDBY waits for the lock, STOPPED does neither
 * @param streaming       the leader's engine is reading the WAL
 * @param since           when the role last changed
 * @param lastPublishedAt when Kafka last acknowledged a batch this instance sent (null if never)
 * @param published       events this instance has had acknowledged by Kafka
 * @param lastError       the last engine error since it last streamed, if any
 */
public record RelayState(Role role, boolean streaming, Instant since, Instant lastPublishedAt, long published,
        String lastError) {

    public enum Role { STOPPED, STANDBY, LEADER }
}
