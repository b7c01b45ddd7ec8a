package com.sellavie.conversation.channel;

import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: the channel was disconnected; it has no token to ask Meta with. */
class ChannelDisconnectedException extends ErrorResponseException {

    ChannelDisconnectedException(UUID id) {
        super(HttpStatus.CONFLICT, problem(id), null);
    }

    private static ProblemDetail problem(UUID id) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                "Channel " + id + " is disconnected: connect it again first.");
        problem.setTitle("Channel disconnected");
        return problem;
    }
}
