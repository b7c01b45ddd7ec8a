package com.sellavie.platform.tenancy;

/** Tenant-scoped code ran with no business in the tenant context. */
public class MissingTenantException extends IllegalStateException {

    public MissingTenantException(String message) {
        super(message);
    }
}
