package com.sellavie.ai.provider;

/** PROVIDERS.md §5: what an HTTP error status of an LLM API means for the chain. */
final class FailoverRule {

    private FailoverRule() {
    }

    /**
     * 408 and 429 (timeout, rate limit or quota: another provider has its own) and every 5xx
     * (500/502/503/504, Anthropic's 529) except 501 fail over; 401/403 reject the key; other 4xx
     * are bugs in the request (400, 404, 413, 422) that another provider would not fix.
     */
    static FailureCause causeOf(int status) {
        if (status == 401 || status == 403) {
            return FailureCause.KEY_REJECTED;
        }
        if (status == 408 || status == 429) {
            return FailureCause.RATE_LIMITED;
        }
        if (status == 529) {
            return FailureCause.OVERLOADED;
        }
        if (status >= 500 && status != 501) {
            return FailureCause.SERVER_ERROR;
        }
        return FailureCause.REQUEST_REJECTED;
    }
}
