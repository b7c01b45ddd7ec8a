package com.sellavie.ingest.meta;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.ingest.routing.ChannelRoute;
import com.sellavie.ingest.routing.ChannelRouter;
import com.sellavie.ingest.unroutable.KeptMessage;
import com.sellavie.ingest.unroutable.KeptMessagePublisher;
import com.sellavie.ingest.unroutable.UnreadableKeptMessageException;
import com.sellavie.platform.outbox.Outbox;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * A kept Meta message, read back with the webhook parser and routed as a fresh webhook would be;
 * published as the same InboundMessageReceived (same mid, the routed tenant) through the outbox.
 */
@Component
class MetaKeptMessagePublisher implements KeptMessagePublisher {

    private final MetaPayloadParser parser;
    private final ChannelRouter router;
    private final Outbox outbox;
    private final Clock clock = Clock.systemUTC();

    MetaKeptMessagePublisher(MetaPayloadParser parser, ChannelRouter router, Outbox outbox) {
        this.parser = parser;
        this.router = router;
        this.outbox = outbox;
    }

    @Override
    public boolean publishIfRoutable(KeptMessage kept) {
        MetaNotification notification;
        try {
            notification = parser.parse(kept.document().getBytes(StandardCharsets.UTF_8));
        } catch (MalformedPayloadException e) {
            throw new UnreadableKeptMessageException(e.getMessage());
        }
        if (notification.messages().size() != 1) {
            throw new UnreadableKeptMessageException("it holds " + notification.messages().size()
                    + " messages instead of one");
        }
        MetaMessage message = notification.messages().getFirst();
        Optional<ChannelRoute> route = MetaWebhookIngestion.route(router, message);
        if (route.isEmpty()) {
            return false;
        }
        InboundMessageReceived event = InboundEvents.received(message, route.get(), clock.instant());
        outbox.publish(event, InboundEvents.conversationKey(event));
        return true;
    }
}
