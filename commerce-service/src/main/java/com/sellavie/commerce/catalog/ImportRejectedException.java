package com.sellavie.commerce.catalog;

import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 422: the file has bad lines; every one is listed ({@code errors: [{line, field, message}]}) and nothing changed. */
class ImportRejectedException extends ErrorResponseException {

    ImportRejectedException(List<ImportLineError> errors) {
        super(HttpStatus.valueOf(422), problem(errors), null);
    }

    private static ProblemDetail problem(List<ImportLineError> errors) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(422),
                errors.size() + (errors.size() == 1 ? " problem" : " problems")
                        + " in the file; nothing was imported. Fix every listed line and import the file again.");
        problem.setTitle("Catalog file refused");
        problem.setType(URI.create("https://sellavie.dev/problems/catalog-import-refused"));
        problem.setProperty("errors", errors);
        return problem;
    }
}
