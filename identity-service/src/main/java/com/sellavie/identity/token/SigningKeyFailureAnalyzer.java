package com.sellavie.identity.token;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing or unusable signing key into Spring Boot's start-up report: the cause, then the fix. */
public class SigningKeyFailureAnalyzer extends AbstractFailureAnalyzer<SigningKeyException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SigningKeyException cause) {
        return new FailureAnalysis(cause.getMessage(), cause.fix(), cause);
    }
}
