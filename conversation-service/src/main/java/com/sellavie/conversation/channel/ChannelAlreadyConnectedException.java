package com.sellavie.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the account is already connected (by this business or another; which one is not said). */
class ChannelAlreadyConnectedException extends ErrorResponseException {

    ChannelAlreadyConnectedException(String type, String externalId) {
        super(HttpStatus.CONFLICT, problem(type, externalId), null);
    }

    private static ProblemDetail problem(String type, String externalId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "This " + type + " account (" + externalId + ") is already connected to a Sellavie business.");
        problem.setTitle("Channel already connected");
        return problem;
    }
}
