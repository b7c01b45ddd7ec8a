package com.sellavie.identity.auth;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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

    @ExceptionHandler
    ProblemDetail emailTaken(EmailTakenException e) {
        return problem(HttpStatus.CONFLICT, "Email already registered",
                "An account with this email address already exists. Log in instead.", "email-taken");
    }

    @ExceptionHandler
    ProblemDetail invalidCredentials(InvalidCredentialsException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Invalid credentials", "Email or password is incorrect.",
                "invalid-credentials");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + type));
        return problem;
    }
}
