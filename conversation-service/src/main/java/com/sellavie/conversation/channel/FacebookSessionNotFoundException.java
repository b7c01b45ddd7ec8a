package com.sellavie.conversation.channel;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no Facebook Login session with this id for this business and member (another's is not found either). */
class FacebookSessionNotFoundException extends ErrorResponseException {

    FacebookSessionNotFoundException(UUID sessionId) {
        super(HttpStatus.NOT_FOUND, problem(sessionId), null);
    }

    private static ProblemDetail problem(UUID sessionId) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
                "No Facebook Login session " + sessionId + ". Connect with Facebook again.");
        problem.setTitle("Facebook Login session not found");
        return problem;
    }
}
