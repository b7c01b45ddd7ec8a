package com.sellavie.platform.tenancy;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a rejected database role into Spring Boot's start-up report: the one-line cause, then the fix. */
public class DatabaseRoleFailureAnalyzer extends AbstractFailureAnalyzer<DatabaseRoleRejectedException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, DatabaseRoleRejectedException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}
