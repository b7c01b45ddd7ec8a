package com.sellavie.platform.tenancy;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The business (tenant) the current thread works for, and the global lookup it may be running.
 *
 * <p>Thread-bound, like Spring Security's context, because the data layer reads it at every
 * connection checkout without being handed it. It is only ever set for a bounded scope (a request,
 * a Kafka record, a lambda) and restored when that scope ends, so nothing leaks to the next task a
 * pooled thread runs. The business id is also in the logging MDC as {@code businessId}.
 */
public final class TenantContext {

    /** MDC key under which the current business id appears in logs. */
    public static final String MDC_KEY = "businessId";

    private static final ThreadLocal<UUID> BUSINESS_ID = new ThreadLocal<>();
    private static final ThreadLocal<String> GLOBAL_LOOKUP = new ThreadLocal<>();

    private TenantContext() {
    }

    public static Optional<UUID> currentBusinessId() {
        return Optional.ofNullable(BUSINESS_ID.get());
    }

    /** The current business id; fails when there is none, naming what needed it. */
    public static UUID requireBusinessId() {
        UUID id = BUSINESS_ID.get();
        if (id == null) {
            throw new MissingTenantException("No businessId in the tenant context: this code runs outside a "
                    + "tenant's request or record (use TenantContext.runAs / Tenancy.globalLookup)");
        }
        return id;
    }

    /** Runs {@code work} as {@code businessId}, then restores the previous tenant. */
    public static void runAs(UUID businessId, Runnable work) {
        try (Scope ignored = enter(businessId)) {
            work.run();
        }
    }

    /** Calls {@code work} as {@code businessId}, then restores the previous tenant. */
    public static <T> T callAs(UUID businessId, Supplier<T> work) {
        try (Scope ignored = enter(businessId)) {
            return work.get();
        }
    }

    /**
     * Makes {@code businessId} current until the returned scope is closed (for callers whose start
     * and end are separate callbacks, like a servlet filter or a record interceptor). {@code null}
     * means "no tenant" for the scope.
     */
    public static Scope enter(UUID businessId) {
        UUID previous = BUSINESS_ID.get();
        set(businessId);
        return () -> set(previous);
    }

    static String currentGlobalLookup() {
        return GLOBAL_LOOKUP.get();
    }

    static Scope enterGlobalLookup(String name) {
        String previous = GLOBAL_LOOKUP.get();
        GLOBAL_LOOKUP.set(name);
        return () -> {
            if (previous == null) {
                GLOBAL_LOOKUP.remove();
            } else {
                GLOBAL_LOOKUP.set(previous);
            }
        };
    }

    private static void set(UUID businessId) {
        if (businessId == null) {
            BUSINESS_ID.remove();
            MDC.remove(MDC_KEY);
        } else {
            BUSINESS_ID.set(businessId);
            MDC.put(MDC_KEY, businessId.toString());
        }
    }

    /** The end of a tenant scope; closing restores what was current before it. */
    @FunctionalInterface
    public interface Scope extends AutoCloseable {
        @Override
        void close();
    }
}
