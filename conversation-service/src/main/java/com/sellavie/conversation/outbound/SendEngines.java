package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** Picks the send engine of a channel's type. */
@Component
class SendEngines {

    private final Map<String, SendEngine> byType;

    SendEngines(List<SendEngine> engines) {
        this.byType = engines.stream().collect(Collectors.toUnmodifiableMap(SendEngine::channelType,
                Function.identity()));
    }

    /** Sends through the channel type's engine; a type without one is refused for good (nothing was sent). */
    SendOutcome send(Channel channel, String accessToken, OutgoingMessage message) {
        SendEngine engine = byType.get(channel.type());
        if (engine == null) {
            return new SendOutcome.Rejected(false, "UNSUPPORTED_CHANNEL", null,
                    "No Send API for channel type " + channel.type());
        }
        return engine.send(channel, accessToken, message);
    }
}
