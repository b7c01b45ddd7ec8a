package com.sellavie.platform.failure;

import java.util.Locale;

/** Whether retrying a failed operation later can succeed. */
public enum FailureKind {

    /** The same attempt may succeed later: retry with backoff. */
    TRANSIENT,
    /** The same attempt will fail again: do not retry (dead-letter, refuse, or record the outcome). */
    PERMANENT;

    /** Lower-case name, as used in metric tags and logs. */
    public String tag() {
        return name().toLowerCase(Locale.ROOT);
    }
}
