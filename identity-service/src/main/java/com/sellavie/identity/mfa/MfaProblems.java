package com.sellavie.identity.mfa;

import com.sellavie.identity.mfa.MfaExceptions.EnrolmentStateException;
import com.sellavie.identity.mfa.MfaExceptions.InvalidChallengeException;
import com.sellavie.identity.mfa.MfaExceptions.InvalidCodeException;
import com.sellavie.identity.mfa.MfaExceptions.MissingFieldException;
import com.sellavie.identity.mfa.MfaExceptions.TooManyAttemptsException;
import jakarta.servlet.http.HttpServletRequest;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Two-factor refusals as RFC 7807 problem JSON (never echoing a code or a password). */
@RestControllerAdvice(assignableTypes = {TotpController.class, MfaController.class, BusinessSecurityController.class})
class MfaProblems {

    private static final Logger log = LoggerFactory.getLogger(MfaProblems.class);

    private final MeterRegistry meters;

    MfaProblems(MeterRegistry meters) {
        this.meters = meters;
    }

    @ExceptionHandler
    ProblemDetail missing(MissingFieldException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are invalid.",
                "invalid-input");
        problem.setProperty("errors", Map.of(e.field(), "is required"));
        return problem;
    }

    /**
     * 401 at the log-in's second step (the code is the authentication); 422 on the signed-in
     * endpoints (confirm, disable), whose caller is authenticated: a 401 there would read as "session
     * over" to a client that refreshes on 401.
     */
    @ExceptionHandler
    ProblemDetail invalidCode(InvalidCodeException e, HttpServletRequest request) {
        HttpStatus status = request.getRequestURI().endsWith("/api/auth/mfa")
                ? HttpStatus.UNAUTHORIZED : HttpStatus.UNPROCESSABLE_CONTENT;
        return problem(status, "Invalid code", "The code (or password) is wrong, expired or already used.",
                "invalid-code");
    }

    @ExceptionHandler
    ProblemDetail invalidChallenge(InvalidChallengeException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid challenge",
                "The log-in challenge is unknown, expired or used up. Log in again.", "invalid-challenge");
    }

    @ExceptionHandler
    ProblemDetail enrolmentState(EnrolmentStateException e) {
        return problem(HttpStatus.CONFLICT, e.title(), e.getMessage(), "two-factor-state");
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> tooMany(TooManyAttemptsException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfter().toSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                        "Too many wrong codes. Try again later.", "too-many-attempts"));
    }

    /** Redis (challenges, attempt counters) unreachable: fail closed, as the denylist does. */
    @ExceptionHandler
    ProblemDetail redisDown(org.springframework.data.redis.RedisConnectionFailureException e) {
        meters.counter("sellavie.identity.mfa.redis.failures").increment();
        log.error("Two-factor state in Redis unavailable ({}: {})", e.getClass().getSimpleName(), e.getMessage());
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Authentication temporarily unavailable",
                "Try again in a moment.", "authentication-unavailable");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + type));
        return problem;
    }
}
