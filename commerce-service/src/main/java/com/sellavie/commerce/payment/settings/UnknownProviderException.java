package com.sellavie.commerce.payment.settings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: a provider Sellavie does not integrate. */
class UnknownProviderException extends ErrorResponseException {

    UnknownProviderException() {
        super(HttpStatus.NOT_FOUND, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "Unknown payment provider; the providers are PAYSTACK, FLUTTERWAVE and STRIPE.");
        problem.setTitle("Unknown payment provider");
        return problem;
    }
}
