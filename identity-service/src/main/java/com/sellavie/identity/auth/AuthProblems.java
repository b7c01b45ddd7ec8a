package com.sellavie.identity.auth;

import com.sellavie.identity.email.EmailThrottle;
import com.sellavie.identity.throttle.LoginThrottleUnavailableException;
import com.sellavie.identity.throttle.LoginThrottledException;
import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Sign-up and log-in failures as RFC 7807 problem JSON. Validation problems carry {@code errors}:
 * {field: message}; the messages never repeat what was sent.
 */
@RestControllerAdvice(assignableTypes = AuthController.class)
class AuthProblems {

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are invalid.",
                "invalid-input");
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    /** Too many sign-ups from this client or for this address (counted alike for every address). */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> signupThrottled(EmailThrottle.EmailThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                        "Too many sign-ups. Try again later.", "email-throttled"));
    }

    @ExceptionHandler
    ProblemDetail signupThrottleUnavailable(EmailThrottle.EmailThrottleUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Sign-up temporarily unavailable",
                "Sign-up is briefly unavailable. Try again in a moment.", "email-unavailable");
    }

    @ExceptionHandler
    ProblemDetail invalidCredentials(InvalidCredentialsException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid credentials", "Email or password is incorrect.",
                "invalid-credentials");
    }

    /** 429 with {@code Retry-After} (seconds); the same for every address, with or without an account. */
    @ExceptionHandler
    ResponseEntity<ProblemDetail> throttled(LoginThrottledException e) {
        return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(problem(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts",
                        "Too many failed log-ins. Try again later.", "login-throttled"));
    }

    @ExceptionHandler
    ProblemDetail throttleUnavailable(LoginThrottleUnavailableException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Authentication temporarily unavailable",
                "Log-in is briefly unavailable. Try again in a moment.", "authentication-unavailable");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + type));
        return problem;
    }
}
