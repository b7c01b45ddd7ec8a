package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * The sandbox's "Send API": the member reads the reply in the console, so sending is accepting. No network
 * call; the message still goes through the outbound queue (claim, window, handoff check, SENT) like any other.
 */
@Component
class SandboxSendEngine implements SendEngine {

    @Override
    public String channelType() {
        return Channel.SANDBOX;
    }

    @Override
    public SendOutcome send(Channel channel, String accessToken, OutgoingMessage message) {
        return new SendOutcome.Accepted("sandbox-out-" + UUID.randomUUID());
    }
}
