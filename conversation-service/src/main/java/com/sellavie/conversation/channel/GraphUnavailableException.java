package com.sellavie.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: Meta's Graph API did not answer usefully (unreachable, timeout, 5xx, throttled); try again. */
class GraphUnavailableException extends ErrorResponseException {

    GraphUnavailableException(String cause) {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(cause), null);
    }

    private static ProblemDetail problem(String cause) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "Meta's Graph API could not be reached (" + cause + "). Nothing was changed; try again shortly.");
        problem.setTitle("Meta unavailable");
        problem.setProperty("reason", "GRAPH_UNAVAILABLE");
        return problem;
    }
}
