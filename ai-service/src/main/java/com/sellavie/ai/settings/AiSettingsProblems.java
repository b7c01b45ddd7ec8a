package com.sellavie.ai.settings;

import java.net.URI;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Invalid settings as 400 problem JSON with {@code errors}: {field: message}; a concurrent save as 409. */
@RestControllerAdvice(assignableTypes = AiSettingsController.class)
class AiSettingsProblems {

    @ExceptionHandler
    ProblemDetail invalid(InvalidSettingsException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                "Some fields are invalid; nothing was changed.");
        problem.setTitle("Invalid input");
        problem.setType(URI.create("https://sellavie.dev/problems/invalid-input"));
        problem.setProperty("errors", e.fieldErrors());
        return problem;
    }

    /** Two saves at once (the version moved, or both created the settings): the later one is refused whole. */
    @ExceptionHandler({OptimisticLockingFailureException.class, DuplicateKeyException.class})
    ProblemDetail changedMeanwhile() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "The AI settings were changed meanwhile; reload them and save again.");
        problem.setTitle("Changed meanwhile");
        return problem;
    }
}
