package com.sellavie.ingest.meta;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.ingest.routing.ChannelRoute;
import com.sellavie.ingest.routing.ChannelRouter;
import com.sellavie.platform.outbox.Outbox;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Routes every message of one verified webhook and publishes them in one transaction: all of them
 * reach Kafka, or none does (and Meta's retry brings them all again). Messages for no known channel
 * become one {@code UnroutableWebhook}, so Meta still gets its 200 and ops see what is missing.
 */
@Service
class MetaWebhookIngestion {

    static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
    static final String UNSUPPORTED_OBJECT = "UNSUPPORTED_OBJECT";

    private final Outbox outbox;
    private final ChannelRouter router;
    private final Clock clock;

    MetaWebhookIngestion(Outbox outbox, ChannelRouter router) {
        this.outbox = outbox;
        this.router = router;
        this.clock = Clock.systemUTC();
    }

    /** What became of a webhook's messages. */
    record Outcome(int published, int unroutable) {
    }

    @Transactional
    Outcome ingest(MetaNotification notification, byte[] body) {
        Instant now = clock.instant();
        if (!notification.supported()) {
            publish(InboundEvents.unroutable(UNSUPPORTED_OBJECT, notification.objectType(), List.of(), body, now));
            return new Outcome(0, 0);
        }
        int published = 0;
        List<Map.Entry<String, String>> unknown = new ArrayList<>();
        for (MetaMessage message : notification.messages()) {
            Optional<ChannelRoute> route = route(message);
            if (route.isPresent()) {
                InboundMessageReceived event = InboundEvents.received(message, route.get(), now);
                outbox.publish(event, InboundEvents.conversationKey(event));
                published++;
            } else {
                unknown.addAll(MetaPayloadParser.identifiersOf(message));
            }
        }
        int unroutable = notification.messages().size() - published;
        if (unroutable > 0) {
            publish(InboundEvents.unroutable(UNKNOWN_CHANNEL, notification.objectType(), unknown, body, now));
        }
        return new Outcome(published, unroutable);
    }

    private Optional<ChannelRoute> route(MetaMessage message) {
        return "WHATSAPP".equals(message.channelType())
                ? router.routeWhatsApp(message.channelExternalId(), message.displayPhoneNumber(), message.accountId())
                : router.route(message.channelType(), message.channelExternalId());
    }

    private void publish(UnroutableWebhook event) {
        outbox.publish(event, event.getPayloadSha256());
    }
}
