package com.sellavie.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 422: a Facebook Login step that cannot go on. {@code reason}: STATE_INVALID (unknown here, or started by
 * another member), STATE_USED, STATE_EXPIRED, CODE_REFUSED (Meta refused the code or the token exchange),
 * SESSION_EXPIRED, CHOICE_NOT_OFFERED (an account the login did not offer) or NOTHING_CONNECTED.
 */
class FacebookLoginRefusedException extends ErrorResponseException {

    static final String STATE_INVALID = "STATE_INVALID";
    static final String STATE_USED = "STATE_USED";
    static final String STATE_EXPIRED = "STATE_EXPIRED";
    static final String CODE_REFUSED = "CODE_REFUSED";
    static final String SESSION_EXPIRED = "SESSION_EXPIRED";
    static final String CHOICE_NOT_OFFERED = "CHOICE_NOT_OFFERED";
    static final String NOTHING_CONNECTED = "NOTHING_CONNECTED";

    FacebookLoginRefusedException(String reason, String detail) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(reason, detail), null);
    }

    private static ProblemDetail problem(String reason, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setTitle("Facebook Login failed");
        problem.setProperty("reason", reason);
        return problem;
    }
}
