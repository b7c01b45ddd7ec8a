package com.sellavie.platform.relay;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;

/**
 * Health contributor {@code relay}: whether this instance leads or stands by, and how far the leader
 * is. UP for a standby (the relay of its database runs elsewhere); DOWN only for a leader whose engine
 * keeps failing. Informational: not part of readiness, a service serves requests without streaming.
 */
class RelayHealthIndicator implements HealthIndicator {

    private final OutboxRelay relay;

    RelayHealthIndicator(OutboxRelay relay) {
        this.relay = relay;
    }

    @Override
    public Health health() {
        RelayState state = relay.state();
        Health.Builder health = switch (state.role()) {
            case STOPPED -> Health.outOfService();
            case STANDBY -> Health.up();
            case LEADER -> state.lastError() != null && !state.streaming() ? Health.down() : Health.up();
        };
        health.withDetail("role", state.role())
                .withDetail("instance", relay.instanceId())
                .withDetail("streaming", state.streaming())
                .withDetail("since", state.since().toString())
                .withDetail("published", state.published())
                .withDetail("slot", relay.slotName());
        if (state.lastPublishedAt() != null) {
            health.withDetail("lastPublishedAt", state.lastPublishedAt().toString());
        }
        if (state.lastError() != null) {
            health.withDetail("lastError", state.lastError());
        }
        if (state.role() != RelayState.Role.STOPPED) {
            String leader = relay.leader();
            if (leader != null) {
                health.withDetail("leader", leader);
            }
            Long lag = relay.slotLagBytes();
            if (lag != null) {
                health.withDetail("slotLagBytes", lag);
            }
        }
        return health.build();
    }
}
