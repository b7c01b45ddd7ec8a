package com.sellavie.platform.failure;

/**
 * Marks an exception as transient whatever its type: a service implements it on its own exception
 * (or throws {@link TransientFailureException}) when it knows a retry later can succeed, e.g. a
 * provider answering 503.
 */
public interface TransientFailure {
}
