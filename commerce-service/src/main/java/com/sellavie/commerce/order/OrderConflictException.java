package com.sellavie.commerce.order;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The order's state does not allow what was asked (cancelling a paid order): 409 problem JSON. */
class OrderConflictException extends ErrorResponseException {

    OrderConflictException(OrderStatus status, String detail) {
        super(HttpStatus.CONFLICT, problem(status, detail), null);
    }

    private static ProblemDetail problem(OrderStatus status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
        problem.setTitle("Order state conflict");
        problem.setType(URI.create("https://sellavie.dev/problems/order-state"));
        problem.setProperty("status", status.name());
        return problem;
    }
}
