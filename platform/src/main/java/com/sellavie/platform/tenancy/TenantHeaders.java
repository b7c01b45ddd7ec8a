package com.sellavie.platform.tenancy;

/** Kafka header names that carry tenancy on every event record. */
public final class TenantHeaders {

    /** The tenant's business id as a UUID string; the relay copies it from the outbox row. */
    public static final String BUSINESS_ID = "businessId";

    private TenantHeaders() {
    }
}
