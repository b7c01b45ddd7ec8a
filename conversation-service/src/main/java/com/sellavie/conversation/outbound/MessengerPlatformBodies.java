package com.sellavie.conversation.outbound;

import com.sellavie.conversation.window.WindowDecision.Allowance;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Send API body shared by Messenger and Instagram: {@code recipient.id}, then {@code message}
 * with {@code text} or an image {@code attachment}; past the standard window a person's reply carries
 * {@code messaging_type: MESSAGE_TAG} and {@code tag: HUMAN_AGENT}. A private reply to a comment is
 * {@code recipient.comment_id} and the text only.
 */
final class MessengerPlatformBodies {

    private MessengerPlatformBodies() {
    }

    /** @param respondingType {@code messaging_type} inside the standard window, or null to leave it out */
    static Map<String, Object> body(OutgoingMessage message, String respondingType) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (message.commentId() != null) {
            // A private reply: Meta's own example names only the comment and the message.
            body.put("recipient", Map.of("comment_id", message.commentId()));
            body.put("message", Map.of("text", message.text()));
            return body;
        }
        body.put("recipient", Map.of("id", message.recipient()));
        if (message.allowance() == Allowance.HUMAN_AGENT) {
            body.put("messaging_type", "MESSAGE_TAG");
            body.put("tag", "HUMAN_AGENT");
        } else if (respondingType != null) {
            body.put("messaging_type", respondingType);
        }
        body.put("message", message.imageUrl() != null
                ? Map.of("attachment", Map.of("type", "image", "payload", Map.of("url", message.imageUrl())))
                : Map.of("text", message.text()));
        return body;
    }
}
