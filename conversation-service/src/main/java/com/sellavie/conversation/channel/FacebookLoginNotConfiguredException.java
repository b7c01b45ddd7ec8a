package com.sellavie.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 503: this installation has no Meta app id and secret, so merchants connect with a pasted token only. */
class FacebookLoginNotConfiguredException extends ErrorResponseException {

    static final String DETAIL = "Facebook Login is not configured on this Sellavie installation "
            + "(SELLAVIE_META_APP_ID and SELLAVIE_META_APP_SECRET). Connect a channel with an access token instead.";

    FacebookLoginNotConfiguredException() {
        super(HttpStatus.SERVICE_UNAVAILABLE, problem(), null);
    }

    private static ProblemDetail problem() {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, DETAIL);
        problem.setTitle("Facebook Login is not configured");
        problem.setProperty("reason", "NOT_CONFIGURED");
        return problem;
    }
}
