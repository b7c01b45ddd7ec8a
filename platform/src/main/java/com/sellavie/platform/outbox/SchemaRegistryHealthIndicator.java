package com.sellavie.platform.outbox;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * {@code schemaRegistry}, in the readiness group: UP once every event schema is registered (for
 * good: the ids are cached, a later registry outage does not matter), OUT_OF_SERVICE while
 * registration is still being retried (the service could not publish an event), DOWN when the
 * registry refused a schema. Reads the registration's state only, never calls the registry.
 */
class SchemaRegistryHealthIndicator extends AbstractHealthIndicator {

    private final SchemaRegistration registration;

    SchemaRegistryHealthIndicator(SchemaRegistration registration) {
        super("Schema registration state unavailable");
        this.registration = registration;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        SchemaRegistration.Status status = registration == null ? SchemaRegistration.disabled()
                : registration.state();
        switch (status.state()) {
            case REGISTERED -> builder.up().withDetail("schemas", status.schemas());
            case DISABLED -> builder.up().withDetail("registration", "disabled");
            case PENDING -> {
                builder.status(Status.OUT_OF_SERVICE).withDetail("registration", "retrying")
                        .withDetail("attempts", status.attempts());
                if (status.lastError() != null) {
                    builder.withDetail("lastError", status.lastError());
                }
                if (status.nextAttempt() != null) {
                    builder.withDetail("nextAttempt", status.nextAttempt().toString());
                }
            }
            case REFUSED -> builder.down().withDetail("registration", "refused")
                    .withDetail("reason", status.lastError());
        }
    }
}
