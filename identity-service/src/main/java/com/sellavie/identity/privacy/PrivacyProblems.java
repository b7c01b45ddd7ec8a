package com.sellavie.identity.privacy;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Privacy request failures as RFC 7807 problem JSON (invalid input carries {@code errors}: {field: message}). */
@RestControllerAdvice(assignableTypes = PrivacyController.class)
class PrivacyProblems {

    @ExceptionHandler
    ProblemDetail invalid(PrivacyExceptions.InvalidRequestException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are invalid.",
                "invalid-input");
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(PrivacyExceptions.RequestNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Privacy request not found", "There is no such privacy request here.",
                "not-found");
    }

    @ExceptionHandler
    ProblemDetail notRetryable(PrivacyExceptions.NotRetryableException e) {
        return problem(HttpStatus.CONFLICT, "Not retryable", e.getMessage(), "privacy-not-retryable");
    }

    @ExceptionHandler
    ProblemDetail archiveUnavailable(PrivacyExceptions.ArchiveUnavailableException e) {
        return problem(HttpStatus.CONFLICT, "Archive unavailable", e.getMessage(), "privacy-archive-unavailable");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + type));
        return problem;
    }
}
