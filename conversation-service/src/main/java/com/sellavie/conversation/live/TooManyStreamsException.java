package com.sellavie.conversation.live;

import java.net.URI;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 429 problem JSON: the member (or the business) already holds as many open streams as allowed. */
class TooManyStreamsException extends ErrorResponseException {

    TooManyStreamsException(String scope, int limit) {
        super(HttpStatus.TOO_MANY_REQUESTS, problem(scope, limit), null);
    }

    private static ProblemDetail problem(String scope, int limit) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS,
                "At most " + limit + " open event streams per " + scope + "; close a tab or try again later.");
        problem.setTitle("Too many event streams");
        problem.setType(URI.create("https://sellavie.dev/problems/too-many-event-streams"));
        problem.setProperty("limit", limit);
        problem.setProperty("scope", scope);
        return problem;
    }
}
