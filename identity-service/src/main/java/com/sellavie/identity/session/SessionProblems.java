package com.sellavie.identity.session;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Session failures as RFC 7807 problem JSON. A refused refresh also clears the cookie, so a browser
 * stops presenting a dead token.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class SessionProblems {

    @ExceptionHandler
    ResponseEntity<ProblemDetail> invalidRefreshToken(SessionExceptions.InvalidRefreshTokenException e) {
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
                .header(HttpHeaders.SET_COOKIE, RefreshCookie.cleared().toString())
                .body(problem(HttpStatus.UNAUTHORIZED, "Invalid refresh token",
                        "The session has ended or the refresh token is not valid. Log in again.", "invalid-refresh-token"));
    }

    @ExceptionHandler
    ProblemDetail refreshRace(SessionExceptions.RefreshRaceException e) {
        return problem(HttpStatus.CONFLICT, "Refresh token already rotated",
                "Another request refreshed this session a moment ago. Retry with the newest refresh token.",
                "refresh-race");
    }

    @ExceptionHandler
    ProblemDetail sessionNotFound(SessionExceptions.SessionNotFoundException e) {
        return problem(HttpStatus.NOT_FOUND, "Session not found", "You have no such session.", "session-not-found");
    }

    @ExceptionHandler
    ProblemDetail denylistDown(RevocationList.DenylistWriteFailedException e) {
        return problem(HttpStatus.SERVICE_UNAVAILABLE, "Authentication temporarily unavailable",
                "The session was ended, but its access tokens could not be revoked everywhere yet. Try again.",
                "denylist-unavailable");
    }

    private static ProblemDetail problem(HttpStatus status, String title, String detail, String type) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        problem.setType(URI.create("https://sellavie.dev/problems/" + type));
        return problem;
    }
}
