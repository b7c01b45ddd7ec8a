package com.sellavie.commerce.order;

import java.net.URI;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No order with that id in the caller's business (another business's id looks exactly the same). */
class OrderNotFoundException extends ErrorResponseException {

    OrderNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No order " + id + ".");
        problem.setTitle("Order not found");
        problem.setType(URI.create("https://sellavie.dev/problems/order-not-found"));
        return problem;
    }
}
