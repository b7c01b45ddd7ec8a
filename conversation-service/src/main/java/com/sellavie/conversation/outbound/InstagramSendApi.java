package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import org.springframework.stereotype.Component;

/**
 * Instagram's Send API (Facebook Login flavour): {@code POST {graph-url}/me/messages} with the Page
 * token, {@code recipient.id} (the IGSID) and {@code message} (text or image attachment); HUMAN_AGENT
 * past 24 h. Answer {@code {"recipient_id","message_id"}}.
 */
@Component
class InstagramSendApi implements SendEngine {

    private final GraphSendClient graph;

    InstagramSendApi(GraphSendClient graph) {
        this.graph = graph;
    }

    @Override
    public String channelType() {
        return "INSTAGRAM";
    }

    @Override
    public SendOutcome send(Channel channel, String accessToken, OutgoingMessage message) {
        return graph.post("me", accessToken, MessengerPlatformBodies.body(message, null),
                answer -> answer.path("message_id").asString(null));
    }
}
