package com.sellavie.notification.messaging.inbound;

/** The short preview of a customer's text that a notification shows: one line, at most {@value #MAX_CHARS} characters. */
final class MessagePreview {

    static final int MAX_CHARS = 140;
    static final String WITHOUT_TEXT = "Sent an attachment";
    private static final String ELLIPSIS = "…";

    private MessagePreview() {
    }

    /** Whitespace runs (newlines included) become one space; a longer text is cut, never inside a surrogate pair. */
    static String of(String text) {
        if (text == null || text.isBlank()) {
            return WITHOUT_TEXT;
        }
        String line = text.strip().replaceAll("\\s+", " ");
        if (line.codePointCount(0, line.length()) <= MAX_CHARS) {
            return line;
        }
        int end = line.offsetByCodePoints(0, MAX_CHARS - ELLIPSIS.length());
        return line.substring(0, end).stripTrailing() + ELLIPSIS;
    }
}
