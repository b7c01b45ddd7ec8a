package com.sellavie.conversation.channel;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 404: no such channel in the caller's business (another business's id looks the same). */
class ChannelNotFoundException extends ErrorResponseException {

    ChannelNotFoundException(UUID id) {
        super(HttpStatus.NOT_FOUND, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No channel " + id + ".");
        problem.setTitle("Channel not found");
        return problem;
    }
}
