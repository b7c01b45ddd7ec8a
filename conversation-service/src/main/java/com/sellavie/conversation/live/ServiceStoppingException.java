package com.sellavie.conversation.live;

import java.net.URI;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503 problem JSON with Retry-After: this instance is stopping and opens no new event stream. */
class ServiceStoppingException extends ErrorResponseException {

    ServiceStoppingException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
        getHeaders().set(HttpHeaders.RETRY_AFTER, "1");
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
                "This instance is stopping; reconnect and the feed resumes from your last event.");
        problem.setTitle("Event stream unavailable");
        problem.setType(URI.create("https://sellavie.dev/problems/service-stopping"));
        return problem;
    }
}
