package com.sellavie.identity.business;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Profile validation failures as RFC 7807 problem JSON with {@code errors}: {field: message}. */
@RestControllerAdvice(assignableTypes = BusinessProfileController.class)
class BusinessProfileProblems {

    @ExceptionHandler
    ProblemDetail invalidInput(InvalidProfileException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "Some fields are invalid.");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://sellavie.dev/problems/invalid-input"));
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }
}
