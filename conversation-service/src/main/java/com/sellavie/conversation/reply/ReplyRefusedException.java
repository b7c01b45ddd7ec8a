package com.sellavie.conversation.reply;

import java.net.URI;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A team reply refused before anything was stored: 400 (bad input, {@code errors}) or 422 ({@code reason}, {@code alternative}). */
class ReplyRefusedException extends ErrorResponseException {

    private ReplyRefusedException(HttpStatus status, ProblemDetail problem) {
        super(status, problem, null);
    }

    static ReplyRefusedException invalid(String field, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is invalid.");
        problem.setTitle("Invalid request");
        problem.setProperty("errors", Map.of(field, message));
        return new ReplyRefusedException(HttpStatus.BAD_REQUEST, problem);
    }

    /** @param alternative what could still reach the customer (e.g. TEMPLATE), or null */
    static ReplyRefusedException unsendable(String reason, String alternative, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setTitle("The reply cannot be sent");
        problem.setType(URI.create("https://sellavie.dev/problems/" + reason.toLowerCase().replace('_', '-')));
        problem.setProperty("reason", reason);
        if (alternative != null) {
            problem.setProperty("alternative", alternative);
        }
        return new ReplyRefusedException(HttpStatus.UNPROCESSABLE_CONTENT, problem);
    }
}
