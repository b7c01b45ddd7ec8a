package com.sellavie.commerce.invoice;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No invoice with that id in the caller's business (another business's id looks exactly the same). */
class InvoiceNotFoundException extends ErrorResponseException {

    InvoiceNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No invoice " + id + ".");
        problem.setTitle("Invoice not found");
        problem.setType(URI.create("https://sellavie.dev/problems/invoice-not-found"));
        return problem;
    }
}
