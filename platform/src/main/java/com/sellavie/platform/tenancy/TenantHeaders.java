package com.sellavie.platform.tenancy;

import com.sellavie.schemas.EventHeaders;

/** Kafka header names that carry tenancy on every event record. */
public final class TenantHeaders {

    /** The tenant's business id as a UUID string; the relay copies it from the outbox row. */
    public static final String BUSINESS_ID = EventHeaders.BUSINESS_ID;

    private TenantHeaders() {
    }
}
