package com.sellavie.identity.team;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Team failures as RFC 7807 problem JSON (validation problems carry {@code errors}: {field: message}). */
@RestControllerAdvice(assignableTypes = {TeamController.class, InvitationAcceptController.class,
        BusinessSwitchController.class})
class TeamProblems {

    @ExceptionHandler
    ProblemDetail invalidInput(TeamExceptions.InvalidInputException e) {
        ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "Invalid input", "Some fields are invalid.",
                "invalid-input");
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    @ExceptionHandler
    ProblemDetail notFound(TeamExceptions.NotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, e.getMessage(), "There is no such " + e.getMessage().split(" ")[0]
                .toLowerCase(java.util.Locale.ROOT) + " here.", "not-found");
    }

    @ExceptionHandler
    ProblemDetail notAllowed(TeamExceptions.NotAllowedException e) {
        return problem(HttpStatus.FORBIDDEN, "Not allowed", e.getMessage(), "team-forbidden");
    }

    @ExceptionHandler
    ProblemDetail lastOwner(TeamExceptions.LastOwnerException e) {
        return problem(HttpStatus.CONFLICT, "Last owner",
                "A business keeps at least one OWNER: make someone else an OWNER first.", "last-owner");
    }

    @ExceptionHandler
    ProblemDetail conflict(TeamExceptions.ConflictException e) {
        return problem(HttpStatus.CONFLICT, e.title, e.getMessage(), "team-conflict");
    }

    @ExceptionHandler
    ProblemDetail unusable(TeamExceptions.InvitationUnusableException e) {
        ProblemDetail problem = problem(HttpStatus.UNPROCESSABLE_ENTITY, "Invitation " + e.reason, e.getMessage(),
                "invitation-" + e.reason);
        problem.setProperty("reason", e.reason);
        return problem;
    }

    @ExceptionHandler
    ProblemDetail signInRequired(TeamExceptions.SignInRequiredException e) {
        return problem(HttpStatus.UNAUTHORIZED, "Sign-in required", e.getMessage(), "sign-in-required");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + type));
        return problem;
    }
}
