package com.sellavie.platform.aot;

import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;
import org.springframework.core.env.PropertyResolver;

/**
 * The properties that decide bean conditions in these services. Spring AOT evaluates every condition once, at
 * build time, so a service started in AOT mode with one of these set otherwise would silently run the build's
 * beans. {@link BuildTimePropertiesRecorder} writes their build-time values into the jar and
 * {@link BuildTimePropertiesCheck} refuses a start that differs. Listed: the platform's and services' own
 * conditions, and Boot's that an operator is documented or likely to change.
 */
final class BuildTimeProperties {

    /** Where the build's values are, in an AOT-processed jar (not under META-INF/: Boot's jar keeps that at its root). */
    static final String RESOURCE = "sellavie/aot/build-properties.properties";

    /** How a condition reads its property: its value, a flag with its default, or only whether it is set. */
    enum Kind {
        VALUE, FLAG_DEFAULT_TRUE, FLAG_DEFAULT_FALSE, PRESENCE
    }

    record Condition(String name, Kind kind) {

        /** What the condition sees: the value, the flag as true/false, or set/unset. */
        String outcome(String value) {
            return switch (kind) {
                case VALUE -> value == null ? null : value.strip();
                case FLAG_DEFAULT_TRUE -> Boolean.toString(value == null || value.isBlank()
                        || !value.strip().equalsIgnoreCase("false"));
                case FLAG_DEFAULT_FALSE -> Boolean.toString(value != null && value.strip().equalsIgnoreCase("true"));
                case PRESENCE -> value == null || value.isBlank() ? "unset" : "set";
            };
        }
    }

    static final List<Condition> CONDITIONS = List.of(
            // The platform's and services' own.
            new Condition("sellavie.relay.enabled", Kind.FLAG_DEFAULT_TRUE),
            new Condition("sellavie.tenancy.enforce-in-database", Kind.FLAG_DEFAULT_TRUE),
            new Condition("sellavie.schema-registry.register-on-startup", Kind.FLAG_DEFAULT_TRUE),
            new Condition("sellavie.platform-migrations.enabled", Kind.FLAG_DEFAULT_TRUE),
            new Condition("sellavie.ingest.route-cache.enabled", Kind.FLAG_DEFAULT_TRUE),
            new Condition("spring.flyway.enabled", Kind.FLAG_DEFAULT_TRUE),
            new Condition("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", Kind.PRESENCE),
            // Boot's: profiles, the management server and endpoints, tracing, mail, Kafka transactions.
            new Condition("spring.profiles.active", Kind.VALUE),
            new Condition("management.server.port", Kind.PRESENCE),
            new Condition("management.endpoints.web.exposure.include", Kind.VALUE),
            new Condition("management.endpoint.health.probes.enabled", Kind.VALUE),
            new Condition("management.tracing.enabled", Kind.FLAG_DEFAULT_TRUE),
            new Condition("spring.mail.host", Kind.PRESENCE),
            new Condition("spring.kafka.producer.transaction-id-prefix", Kind.PRESENCE));

    private BuildTimeProperties() {
    }

    /** Each condition's outcome under {@code properties}; unset values are left out. */
    static Properties outcomes(PropertyResolver properties) {
        Properties outcomes = new Properties();
        for (Condition condition : CONDITIONS) {
            String outcome = condition.outcome(properties.getProperty(condition.name()));
            if (outcome != null) {
                outcomes.setProperty(condition.name(), outcome);
            }
        }
        return outcomes;
    }

    /** The first condition whose outcome differs, described for the operator; null when none does. */
    static String firstDifference(Properties built, PropertyResolver runtime) {
        Properties now = outcomes(runtime);
        for (Condition condition : CONDITIONS) {
            String then = built.getProperty(condition.name());
            String current = now.getProperty(condition.name());
            if (!Objects.equals(then, current)) {
                return String.format(Locale.ROOT, "%s is %s here but was %s when this jar was built with Spring AOT,"
                        + " which fixed the beans it decides", condition.name(), describe(current), describe(then));
            }
        }
        return null;
    }

    private static String describe(String outcome) {
        return outcome == null ? "unset" : "'" + outcome + "'";
    }
}
