package com.sellavie.commerce.payment.ledger;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The ledger asked for an order the business does not have (or another business's): 404, no data. */
class UnknownOrderException extends ErrorResponseException {

    UnknownOrderException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order " + id + ".");
        problem.setTitle("Order not found");
        problem.setType(URI.create("https://sellavie.dev/problems/order-not-found"));
        return problem;
    }
}
