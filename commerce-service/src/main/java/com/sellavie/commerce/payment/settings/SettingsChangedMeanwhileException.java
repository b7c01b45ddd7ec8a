package com.sellavie.commerce.payment.settings;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** 409: another request saved this business's payment settings at the same time; nothing was written. */
class SettingsChangedMeanwhileException extends ErrorResponseException {

    SettingsChangedMeanwhileException(Provider provider) {
        super(HttpStatus.CONFLICT, problem(provider), null);
    }

    private static ProblemDetail problem(Provider provider) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, "The " + provider
                + " settings (or the default provider) were changed by another request at the same time; "
                + "nothing was saved. Reload and save again.");
        problem.setTitle("Payment settings changed meanwhile");
        return problem;
    }
}
