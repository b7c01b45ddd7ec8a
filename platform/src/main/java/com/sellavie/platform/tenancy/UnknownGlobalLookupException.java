package com.sellavie.platform.tenancy;

/** A global lookup was asked for by a name that {@code sellavie.tenancy.global-lookups} does not allow. */
public class UnknownGlobalLookupException extends IllegalArgumentException {

    public UnknownGlobalLookupException(String message) {
        super(message);
    }
}
