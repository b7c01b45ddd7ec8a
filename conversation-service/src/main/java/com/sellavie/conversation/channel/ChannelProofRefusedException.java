package com.sellavie.conversation.channel;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * 422: Meta did not confirm that the token controls the account (or refused a stored token). {@code reason}: ACCOUNT_MISMATCH (the
 * token controls another account), TOKEN_INVALID (Meta error 190) or NO_ACCESS (another refusal, with
 * Meta's message).
 */
class ChannelProofRefusedException extends ErrorResponseException {

    static final String ACCOUNT_MISMATCH = "ACCOUNT_MISMATCH";
    static final String TOKEN_INVALID = "TOKEN_INVALID";
    static final String NO_ACCESS = "NO_ACCESS";

    private final String reason;

    ChannelProofRefusedException(String reason, String detail) {
        this(reason, detail, "Channel ownership not proven");
    }

    /** Meta refused another call made with a stored channel's token (e.g. listing its templates). */
    ChannelProofRefusedException(String reason, String detail, String title) {
        super(HttpStatus.UNPROCESSABLE_CONTENT, problem(reason, detail, title), null);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    private static ProblemDetail problem(String reason, String detail, String title) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, detail);
        problem.setTitle(title);
        problem.setProperty("reason", reason);
        return problem;
    }
}
