package com.sellavie.commerce.catalog;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 413: the file is larger than an import takes; it was not read to the end. */
class ImportTooLargeException extends ErrorResponseException {

    ImportTooLargeException(long maxBytes) {
        super(HttpStatus.valueOf(413), problem(maxBytes), null);
    }

    private static ProblemDetail problem(long maxBytes) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(413),
                "A catalog file may be at most " + maxBytes + " bytes (1 MiB); split it into several files.");
        problem.setTitle("Catalog file too large");
        return problem;
    }
}
