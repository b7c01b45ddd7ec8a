package com.sellavie.conversation.outbound;

import java.util.List;

/** A WhatsApp message template (approved in the business's WABA) and the values of its body parameters, in order. */
public record TemplateMessage(String name, String language, List<String> parameters) {

    public TemplateMessage {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }
}
