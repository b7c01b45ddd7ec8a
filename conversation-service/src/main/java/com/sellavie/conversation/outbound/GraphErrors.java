package com.sellavie.conversation.outbound;

import java.util.Set;
import tools.jackson.databind.JsonNode;

/**
 * One reading of the Graph API's answers for every send engine (Messenger Platform and WhatsApp Cloud
 * API share the {@code error{code, error_subcode, message, is_transient}} shape). Retryable: 5xx, 429,
 * rate limits (4, 17, 32, 613, 80001/2/6; WhatsApp 130429, 131056), temporary errors (1, 2; WhatsApp
 * 131000, 131016), {@code is_transient}. Permanent: 190/102 → CHANNEL_DISCONNECTED; 551 and WhatsApp
 * 131026 → RECIPIENT_UNAVAILABLE; 10/2018278 and WhatsApp 131047 (re-engagement) →
 * OUTSIDE_MESSAGING_WINDOW; anything else → PROVIDER_ERROR.
 */
final class GraphErrors {

    private static final Set<Integer> RATE_LIMIT_CODES = Set.of(4, 17, 32, 613, 80001, 80002, 80006, 130429, 131056);
    private static final Set<Integer> TEMPORARY_CODES = Set.of(1, 2, 131000, 131016);
    private static final int MAX_DETAIL = 500;

    private GraphErrors() {
    }

    /** The outcome of a non-2xx answer with {@code body} (an empty node when it was not JSON). */
    static SendOutcome.Rejected interpret(int status, JsonNode body) {
        JsonNode error = body.path("error");
        Integer code = error.path("code").isNumber() ? error.path("code").asInt() : null;
        Integer subcode = error.path("error_subcode").isNumber() ? error.path("error_subcode").asInt() : null;
        String detail = truncate(error.path("message").asString("HTTP " + status));
        String codeText = code == null ? null : String.valueOf(code);
        if (status == 429 || (code != null && RATE_LIMIT_CODES.contains(code))) {
            return new SendOutcome.Rejected(true, "RATE_LIMITED", codeText, detail);
        }
        if (status >= 500 || (code != null && TEMPORARY_CODES.contains(code))
                || error.path("is_transient").asBoolean(false)) {
            return new SendOutcome.Rejected(true, "PROVIDER_ERROR", codeText, detail);
        }
        return new SendOutcome.Rejected(false, permanentReason(code, subcode), codeText, detail);
    }

    private static String permanentReason(Integer code, Integer subcode) {
        if (code == null) {
            return "PROVIDER_ERROR";
        }
        return switch (code) {
            case 190, 102 -> "CHANNEL_DISCONNECTED";
            case 551, 131026 -> "RECIPIENT_UNAVAILABLE";
            case 131047 -> "OUTSIDE_MESSAGING_WINDOW";
            case 10 -> subcode != null && subcode == 2018278 ? "OUTSIDE_MESSAGING_WINDOW" : "PROVIDER_ERROR";
            default -> "PROVIDER_ERROR";
        };
    }

    private static String truncate(String text) {
        return text.length() <= MAX_DETAIL ? text : text.substring(0, MAX_DETAIL);
    }
}
