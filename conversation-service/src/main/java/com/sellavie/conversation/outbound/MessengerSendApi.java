package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import org.springframework.stereotype.Component;

/**
 * Messenger's Send API: {@code POST {graph-url}/{page-id}/messages} (the channel's externalId is the
 * Page id) with the Page token, {@code recipient.id} (the PSID), {@code messaging_type} RESPONSE inside
 * the standard window or MESSAGE_TAG + {@code tag: HUMAN_AGENT} after it, and {@code message}. Answer
 * {@code {"recipient_id","message_id"}}.
 */
@Component
class MessengerSendApi implements SendEngine {

    private final GraphSendClient graph;

    MessengerSendApi(GraphSendClient graph) {
        this.graph = graph;
    }

    @Override
    public String channelType() {
        return "MESSENGER";
    }

    @Override
    public SendOutcome send(Channel channel, String accessToken, OutgoingMessage message) {
        return graph.post(channel.externalId(), accessToken, MessengerPlatformBodies.body(message, "RESPONSE"),
                answer -> answer.path("message_id").asString(null));
    }
}
