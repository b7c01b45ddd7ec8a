package com.sellavie.ingest.meta;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.ingest.routing.ChannelRoute;
import com.sellavie.ingest.routing.ChannelRouter;
import com.sellavie.ingest.unroutable.UnroutableMessages;
import com.sellavie.ingest.webhook.WebhookEvents;
import com.sellavie.platform.outbox.Outbox;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Routes every message of one verified webhook and publishes them in one transaction: all of them
 * reach Kafka, or none does (and Meta's retry brings them all again; Kafka first has one exception, see
 * {@link com.sellavie.ingest.webhook.KafkaFirstWebhookEvents}); routed events go out through
 * {@link WebhookEvents} (the outbox, or Kafka first), the rest through the outbox with the rows that keep
 * them. A webhook whose every message and status has its route in memory (the usual one) needs neither and is
 * published from its request thread without a transaction ({@link #ingestRoutedInMemory}). Messages for no known channel are kept ({@link UnroutableMessages}, replayed when their channel connects) and reported as one
 * {@code UnroutableWebhook}, so Meta still gets its 200 and ops see what is missing.
 */
@Service
class MetaWebhookIngestion {

    private static final Logger log = LoggerFactory.getLogger(MetaWebhookIngestion.class);

    static final String UNKNOWN_CHANNEL = "UNKNOWN_CHANNEL";
    static final String UNSUPPORTED_OBJECT = "UNSUPPORTED_OBJECT";

    private final Outbox outbox;
    private final WebhookEvents events;
    private final ChannelRouter router;
    private final MetaPayloadParser parser;
    private final UnroutableMessages unroutable;
    private final MeterRegistry meters;
    private final Counter routedInMemory;
    private final Clock clock;

    MetaWebhookIngestion(Outbox outbox, WebhookEvents events, ChannelRouter router, MetaPayloadParser parser,
            UnroutableMessages unroutable, MeterRegistry meters) {
        this.outbox = outbox;
        this.events = events;
        this.router = router;
        this.parser = parser;
        this.unroutable = unroutable;
        this.meters = meters;
        this.routedInMemory = Counter.builder("sellavie.ingest.meta.webhooks.in_memory")
                .description("Meta webhooks whose every route was in memory: published without a transaction")
                .register(meters);
        this.clock = Clock.systemUTC();
    }

    /** What became of a webhook's messages and statuses. */
    record Outcome(int published, int unroutable, int statusesPublished, int statusesUnroutable) {
    }

    /**
     * Publishes the webhook from the calling thread, outside any transaction, when every message and status of it
     * has its route in memory ({@link ChannelRouter#routeInMemory}) and its events can be published so (Kafka
     * first): nothing of it is then written to ingest's database unless Kafka does not acknowledge an event in time
     * ({@link WebhookEvents#publishNow}). Empty, having published nothing, otherwise: the webhook then goes through
     * {@link #ingest} in a transaction.
     */
    Optional<Outcome> ingestRoutedInMemory(MetaNotification notification) {
        if (!notification.supported() || !events.publishesOutsideTransactions()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<WebhookEvents.Keyed> routed = new ArrayList<>(notification.messages().size()
                + notification.statuses().size());
        for (MetaMessage message : notification.messages()) {
            Optional<ChannelRoute> route = inMemory(message.channelType(), message.channelExternalId(),
                    message.displayPhoneNumber(), message.accountId());
            if (route.isEmpty()) {
                return Optional.empty();
            }
            InboundMessageReceived event = InboundEvents.received(message, route.get(), now);
            routed.add(new WebhookEvents.Keyed(event, InboundEvents.conversationKey(event)));
        }
        for (MetaStatus status : notification.statuses()) {
            Optional<ChannelRoute> route = inMemory(status.channelType(), status.channelExternalId(),
                    status.displayPhoneNumber(), status.accountId());
            if (route.isEmpty()) {
                return Optional.empty();
            }
            MessageStatusChanged event = InboundEvents.statusChanged(status, route.get(), now);
            routed.add(new WebhookEvents.Keyed(event, InboundEvents.conversationKey(event)));
        }
        events.publishNow(routed);
        routedInMemory.increment();
        return Optional.of(new Outcome(notification.messages().size(), 0, notification.statuses().size(), 0));
    }

    /** A message's or status's route from memory: WhatsApp's layers, or one identifier. */
    private Optional<ChannelRoute> inMemory(String channelType, String externalId, String displayPhoneNumber,
            String accountId) {
        return "WHATSAPP".equals(channelType) ? router.routeWhatsAppInMemory(externalId, displayPhoneNumber, accountId)
                : router.routeInMemory(channelType, externalId);
    }

    /**
     * Runs in the transaction {@link com.sellavie.ingest.webhook.WebhookCommits} holds for it (shared with concurrent
     * webhooks), which it only joins: no {@code @Transactional} proxy of its own, whose interception and reflective
     * call were ~3 % of a routed webhook's CPU in the ingest benchmark's profile.
     */
    Outcome ingest(MetaNotification notification, byte[] body) {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("A webhook is ingested inside its WebhookCommits transaction");
        }
        Instant now = clock.instant();
        if (!notification.supported()) {
            publish(InboundEvents.unroutable(UNSUPPORTED_OBJECT, notification.objectType(), List.of(), body, now));
            return new Outcome(0, 0, 0, 0);
        }
        int published = 0;
        List<Map.Entry<String, String>> unknown = new ArrayList<>();
        Map<String, String> documents = null;
        for (MetaMessage message : notification.messages()) {
            Optional<ChannelRoute> route = route(router, message);
            if (route.isPresent()) {
                InboundMessageReceived event = InboundEvents.received(message, route.get(), now);
                events.publish(event, InboundEvents.conversationKey(event));
                published++;
            } else {
                unknown.addAll(MetaPayloadParser.identifiersOf(message));
                if (documents == null) {
                    documents = documentsOf(body);
                }
                keep(message, documents.get(message.externalMessageId()), now);
            }
        }
        int unroutableCount = notification.messages().size() - published;
        if (unroutableCount > 0) {
            publish(InboundEvents.unroutable(UNKNOWN_CHANNEL, notification.objectType(), unknown, body, now));
        }
        int statuses = publishStatuses(notification.statuses(), now);
        return new Outcome(published, unroutableCount, statuses, notification.statuses().size() - statuses);
    }

    /**
     * Statuses go where their conversation's messages go. One for no known channel is only counted
     * and logged: it concerns a message Sellavie could not have sent, so nothing waits for it.
     */
    private int publishStatuses(List<MetaStatus> statuses, Instant now) {
        int published = 0;
        for (MetaStatus status : statuses) {
            Optional<ChannelRoute> route = "WHATSAPP".equals(status.channelType())
                    ? router.routeWhatsApp(status.channelExternalId(), status.displayPhoneNumber(), status.accountId())
                    : router.route(status.channelType(), status.channelExternalId());
            if (route.isPresent()) {
                MessageStatusChanged event = InboundEvents.statusChanged(status, route.get(), now);
                events.publish(event, InboundEvents.conversationKey(event));
                published++;
            } else {
                log.info("{} status {} for unknown {} channel {}: dropped", status.channelType(), status.status(),
                        status.channelType(), status.channelExternalId());
            }
        }
        return published;
    }

    /** Where a message goes with the routes known now: one identifier, or WhatsApp's layers. */
    static Optional<ChannelRoute> route(ChannelRouter router, MetaMessage message) {
        return "WHATSAPP".equals(message.channelType())
                ? router.routeWhatsApp(message.channelExternalId(), message.displayPhoneNumber(), message.accountId())
                : router.route(message.channelType(), message.channelExternalId());
    }

    /** Kept for its channel to connect: in this transaction, so a kept message and its 200 go together. */
    private void keep(MetaMessage message, String document, Instant now) {
        if (document == null) {
            throw new IllegalStateException("No document for message " + message.externalMessageId()
                    + " of a webhook already parsed");
        }
        boolean kept = unroutable.keep(message.channelType(), message.channelExternalId(), message.displayPhoneNumber(),
                message.accountId(), message.externalMessageId(), document, now);
        meters.counter("sellavie.ingest.unroutable.kept", "channel_type", message.channelType(),
                "outcome", kept ? "kept" : "already_kept").increment();
    }

    private Map<String, String> documentsOf(byte[] body) {
        try {
            return parser.messageDocuments(body);
        } catch (MalformedPayloadException e) {
            throw new IllegalStateException("A webhook that parsed once no longer parses: " + e.getMessage(), e);
        }
    }

    private void publish(UnroutableWebhook event) {
        outbox.publish(event, event.getPayloadSha256());
    }
}
