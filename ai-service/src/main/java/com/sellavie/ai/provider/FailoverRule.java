package com.sellavie.ai.provider;

/** PROVIDERS.md §5: which HTTP statuses of an LLM API are worth trying another provider for. */
final class FailoverRule {

    private FailoverRule() {
    }

    /**
     * 408 and 429 (timeout, rate limit or quota: another provider has its own) and every 5xx
     * (500/502/503/504, Anthropic's 529) except 501 fail over; other 4xx are bugs in the request
     * (400, 404, 413, 422) or configuration (401, 403) that another provider would not fix.
     */
    static boolean failsOver(int status) {
        return status == 408 || status == 429 || status >= 500 && status != 501;
    }
}
