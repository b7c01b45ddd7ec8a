package com.sellavie.platform.tenancy;

/** A record's {@code businessId} header is not a UUID; retrying cannot fix it. */
public class InvalidTenantHeaderException extends IllegalArgumentException {

    public InvalidTenantHeaderException(String message) {
        super(message);
    }
}
