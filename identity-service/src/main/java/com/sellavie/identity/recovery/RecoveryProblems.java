package com.sellavie.identity.recovery;

import com.sellavie.identity.email.EmailThrottle.EmailThrottleUnavailableException;
import com.sellavie.identity.email.EmailThrottle.EmailThrottledException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Verification and reset failures as RFC 7807 problem JSON, each with a stable {@code code}. */
@RestControllerAdvice(assignableTypes = RecoveryController.class)
class RecoveryProblems {

    @ExceptionHandler
    ProblemDetail invalidToken(InvalidTokenException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Link invalid or expired",
                "This link is invalid, was already used or has expired. Ask for a new one.", "INVALID_TOKEN");
    }

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidRecoveryInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are invalid.",
                "INVALID_INPUT");
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    @ExceptionHandler
    ResponseEntity<ProblemDetail> throttled(EmailThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "Too many emails were asked for. Try again later.", "EMAIL_THROTTLED"));
    }

    @ExceptionHandler
    ProblemDetail throttleUnavailable(EmailThrottleUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Temporarily unavailable",
                "This is briefly unavailable. Try again in a moment.", "EMAIL_UNAVAILABLE");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail, String code) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + code.toLowerCase(java.util.Locale.ROOT).replace('_', '-')));
        problem.setProperty("code", code);
        return problem;
    }
}
