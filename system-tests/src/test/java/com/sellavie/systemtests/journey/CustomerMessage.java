package com.sellavie.systemtests.journey;

/**
 * A customer's message as one of Meta's webhooks delivers it: the exact bytes ingest will verify,
 * the text the inbox should show, and Meta's id for it ({@code mid} or WhatsApp's wamid).
 */
interface CustomerMessage {

    byte[] body();

    String text();

    String mid();

    /** Texts are plain ASCII without quotes or backslashes, so the bodies need no JSON escaping. */
    static void requirePlainText(String text) {
        if (!text.matches("[ -~&&[^\"\\\\]]+")) {
            throw new IllegalArgumentException("Keep test texts to printable ASCII without quotes: " + text);
        }
    }
}
