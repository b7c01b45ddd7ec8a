package com.sellavie.conversation.outbound;

import com.sellavie.conversation.window.WindowDecision.Allowance;

/**
 * What one Send API call carries to one customer.
 *
 * @param recipient the customer's id on the channel (IGSID, PSID, WhatsApp wa_id)
 * @param text      the text, or the image's caption on WhatsApp; null when there is none
 * @param imageUrl  an https link to an image; on Instagram and Messenger a message holds the image or
 *                  the text, never both (a team reply with both is queued as two messages)
 * @param template  a WhatsApp template instead of text; null otherwise
 * @param allowance how the window lets it go out (RESPONSE, HUMAN_AGENT, TEMPLATE)
 * @param commentId a private reply: the customer's comment, Meta's {@code recipient.comment_id} in place of
 *                  the customer's id; null for a direct message
 */
record OutgoingMessage(String recipient, String text, String imageUrl, TemplateMessage template,
        Allowance allowance, String commentId) {

    /** A direct message to the customer's id. */
    OutgoingMessage(String recipient, String text, String imageUrl, TemplateMessage template, Allowance allowance) {
        this(recipient, text, imageUrl, template, allowance, null);
    }
}
