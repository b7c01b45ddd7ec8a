package com.sellavie.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 403 {@code EMAIL_NOT_VERIFIED}: the acting member has not confirmed their email address yet. */
class EmailNotVerifiedException extends ErrorResponseException {

    static final String CODE = "EMAIL_NOT_VERIFIED";

    EmailNotVerifiedException() {
        super(HttpStatus.FORBIDDEN, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN,
                "Confirm your email address before connecting a channel: open the link we emailed you, "
                        + "or ask for a new one.");
        problem.setTitle("Confirm your email address before connecting a channel");
        problem.setProperty("code", CODE);
        return problem;
    }
}
