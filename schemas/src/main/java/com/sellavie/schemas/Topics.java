package com.sellavie.schemas;

import com.sellavie.events.ai.AiUsageRecorded;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.events.identity.MemberRoleChanged;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every topic Sellavie publishes, with its key and event types. The one place topic names live:
 * listeners, producers and infrastructure scripts take them from here.
 */
public final class Topics {

    /**
     * Partitions of every topic and of its dead-letter topic, as the local stack and compose create them:
     * the ceiling of one consumer group's parallelism.
     */
    public static final int PARTITIONS = 12;

    public static final Topic INGEST_INBOUND_MESSAGES = new Topic("ingest.inbound-messages",
            "conversation key: channel external id + sender external id", false,
            List.of(InboundMessageReceived.class));

    public static final Topic INGEST_UNROUTABLE = new Topic("ingest.unroutable",
            "payloadSha256 of the webhook (it has no aggregate yet)", false,
            List.of(UnroutableWebhook.class));

    public static final Topic INGEST_PAYMENT_EVENTS = new Topic("ingest.payment-events",
            "the payment reference (so one order's notifications stay in order); the provider event id when none",
            false, List.of(PaymentEventReceived.class));

    public static final Topic INGEST_DELIVERY_STATUSES = new Topic("ingest.delivery-statuses",
            "conversation key: channel external id + recipient external id (one conversation's statuses in order)",
            false, List.of(MessageStatusChanged.class));

    public static final Topic IDENTITY_BUSINESSES = new Topic("identity.businesses",
            "businessId", true,
            List.of(BusinessRegistered.class, BusinessUpdated.class));

    public static final Topic IDENTITY_MEMBERS = new Topic("identity.members",
            "businessId (one business's membership changes stay in order)", false,
            List.of(MemberJoined.class, MemberRoleChanged.class, MemberLeft.class));

    public static final Topic IDENTITY_ACCOUNT_EMAILS = new Topic("identity.account-emails",
            "emailId", false,
            List.of(AccountEmailRequested.class));

    public static final Topic IDENTITY_PRIVACY_REQUESTS = new Topic("identity.privacy-requests",
            "businessId (NO_BUSINESS for a Meta user's erasure)", false,
            List.of(DataExportRequested.class, DataErasureRequested.class));

    public static final Topic PRIVACY_TASK_RESULTS = new Topic("privacy.task-results",
            "requestId", false,
            List.of(PrivacyTaskCompleted.class));

    public static final Topic CONVERSATION_CHANNELS = new Topic("conversation.channels",
            "channelId", true,
            List.of(ChannelConnected.class, ChannelDisconnected.class, ChannelNeedsReconnect.class));

    public static final Topic CONVERSATION_MESSAGES = new Topic("conversation.messages",
            "conversationId", false,
            List.of(MessageRecorded.class, OutboundMessageSent.class, OutboundMessageFailed.class));

    public static final Topic CONVERSATION_REPLY_REQUESTS = new Topic("conversation.reply-requests",
            "conversationId", false,
            List.of(ReplyRequested.class));

    public static final Topic CONVERSATION_HANDOFFS = new Topic("conversation.handoffs",
            "conversationId", false,
            List.of(HandoffRequested.class, HandoffResolved.class));

    public static final Topic AI_REPLIES = new Topic("ai.replies",
            "conversationId", false,
            List.of(ReplyGenerated.class));

    public static final Topic AI_USAGE = new Topic("ai.usage",
            "businessId (one business's usage in order)", false,
            List.of(AiUsageRecorded.class));

    public static final Topic COMMERCE_CATALOG = new Topic("commerce.catalog",
            "productId", true,
            List.of(ProductUpserted.class, ProductRemoved.class));

    public static final Topic COMMERCE_ORDERS = new Topic("commerce.orders",
            "orderId (CheckoutRejected: conversationId; PaymentDiscrepancyRecorded: discrepancyId)", false,
            List.of(OrderPlaced.class, CheckoutLinkCreated.class, CheckoutLinkFailed.class, OrderPaid.class,
                    PaymentFailed.class, OrderExpired.class, OrderCancelled.class, OrderRefunded.class,
                    InvoiceIssued.class, CheckoutRejected.class, PaymentDiscrepancyRecorded.class));

    public static final Topic MESSAGING_OUTBOUND_REQUESTS = new Topic("messaging.outbound-requests",
            "conversationId", false,
            List.of(OutboundMessageRequested.class));

    public static final List<Topic> ALL = List.of(INGEST_INBOUND_MESSAGES, INGEST_UNROUTABLE, INGEST_PAYMENT_EVENTS,
            INGEST_DELIVERY_STATUSES, IDENTITY_BUSINESSES, IDENTITY_MEMBERS, IDENTITY_ACCOUNT_EMAILS, IDENTITY_PRIVACY_REQUESTS,
            PRIVACY_TASK_RESULTS, CONVERSATION_CHANNELS, CONVERSATION_MESSAGES,
            CONVERSATION_REPLY_REQUESTS, CONVERSATION_HANDOFFS, AI_REPLIES, AI_USAGE, COMMERCE_CATALOG, COMMERCE_ORDERS,
            MESSAGING_OUTBOUND_REQUESTS);

    // Looked up for every event published (a search of ALL was ~1.5 % of a webhook's CPU in ingest's profile). Built from
    // ALL, so a type on two topics, or two topics of one name, fails the class's initialisation.
    private static final Map<Class<? extends SpecificRecord>, Topic> BY_TYPE = ALL.stream()
            .flatMap(topic -> topic.valueTypes().stream().map(type -> Map.entry(type, topic)))
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));
    private static final Map<String, Topic> BY_NAME = ALL.stream()
            .collect(Collectors.toUnmodifiableMap(Topic::name, topic -> topic));

    private Topics() {
    }

    public static Optional<Topic> named(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name));
    }

    /** The topic an event type is published to; each event type belongs to exactly one topic. */
    public static Topic of(Class<? extends SpecificRecord> type) {
        Topic topic = BY_TYPE.get(type);
        if (topic == null) {
            throw new IllegalArgumentException("No topic carries " + type.getName());
        }
        return topic;
    }

    /** Every event type of every topic, in declaration order. */
    public static List<Class<? extends SpecificRecord>> eventTypes() {
        return ALL.stream().flatMap(t -> t.valueTypes().stream()).toList();
    }
}
