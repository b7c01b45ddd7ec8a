package com.sellavie.conversation.outbound;

import com.sellavie.conversation.channel.Channel;

/** A channel type's Send API: builds Meta's request for one message and makes the one call. */
interface SendEngine {

    /** The channel type it sends for (INSTAGRAM, MESSENGER, WHATSAPP). */
    String channelType();

    SendOutcome send(Channel channel, String accessToken, OutgoingMessage message);
}
