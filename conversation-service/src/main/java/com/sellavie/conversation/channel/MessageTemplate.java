package com.sellavie.conversation.channel;

/**
 * An approved WhatsApp message template as the console's template picker needs it.
 *
 * @param body           the BODY component's text, with its {@code {{1}}} placeholders
 * @param parameterCount how many distinct placeholders the body has (the parameters a send must give)
 */
record MessageTemplate(String name, String language, String category, String status, String body,
        int parameterCount) {
}
