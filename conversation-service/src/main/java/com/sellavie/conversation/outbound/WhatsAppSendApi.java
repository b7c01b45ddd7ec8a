package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * WhatsApp Cloud API: {@code POST {graph-url}/{phone-number-id}/messages} (the channel's externalId is
 * the phone number id) with {@code messaging_product: whatsapp}, {@code recipient_type: individual},
 * {@code to} = the contact's wa_id, and a text ({@code text.body}), an image ({@code image.link} with
 * the text as {@code caption}) or a template ({@code template{name, language.code, components}}, the
 * parameters as the body's text parameters). Answer {@code {"messages":[{"id":"wamid…"}]}}.
 */
@Component
class WhatsAppSendApi implements SendEngine {

    private final GraphSendClient graph;

    WhatsAppSendApi(GraphSendClient graph) {
        this.graph = graph;
    }

    @Override
    public String channelType() {
        return "WHATSAPP";
    }

    @Override
    public SendOutcome send(Channel channel, String accessToken, OutgoingMessage message) {
        return graph.post(channel.externalId(), accessToken, body(message),
                answer -> answer.path("messages").path(0).path("id").asString(null));
    }

    static Map<String, Object> body(OutgoingMessage message) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", message.recipient());
        if (message.template() != null) {
            body.put("type", "template");
            body.put("template", template(message.template()));
        } else if (message.imageUrl() != null) {
            Map<String, Object> image = new LinkedHashMap<>();
            image.put("link", message.imageUrl());
            if (message.text() != null && !message.text().isBlank()) {
                image.put("caption", message.text());
            }
            body.put("type", "image");
            body.put("image", image);
        } else {
            body.put("type", "text");
            body.put("text", Map.of("preview_url", false, "body", message.text()));
        }
        return body;
    }

    private static Map<String, Object> template(TemplateMessage template) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", template.name());
        body.put("language", Map.of("code", template.language()));
        if (!template.parameters().isEmpty()) {
            List<Map<String, String>> parameters = template.parameters().stream()
                    .map(value -> Map.of("type", "text", "text", value)).toList();
            body.put("components", List.of(Map.of("type", "body", "parameters", parameters)));
        }
        return body;
    }
}
