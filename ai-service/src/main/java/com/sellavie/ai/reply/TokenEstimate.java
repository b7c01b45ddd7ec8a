package com.sellavie.ai.reply;

/**
 * Tokens a text will cost, estimated: no maintained tokenizer for the providers' models is available to
 * this build, and budgets only need the order of magnitude. About 4 characters a token is OpenAI's and
 * Anthropic's published rule of thumb for English; rounded up, plus a few tokens a message for its role
 * markers. It over-counts rather than under-counts for most European texts.
 */
final class TokenEstimate {

    /** Role and separator tokens every chat message costs. */
    static final int PER_MESSAGE = 4;

    private TokenEstimate() {
    }

    static int of(String text) {
        return text == null ? 0 : (text.codePointCount(0, text.length()) + 3) / 4;
    }

    static int ofMessage(String text) {
        return PER_MESSAGE + of(text);
    }
}
