package com.sellavie.ai.knowledge;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** An invalid knowledge document as 400 problem JSON with {@code errors}: {field: message}. */
@RestControllerAdvice(assignableTypes = KnowledgeController.class)
class KnowledgeProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidKnowledgeException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are invalid; nothing was changed.");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://sellavie.dev/problems/invalid-input"));
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }
}
