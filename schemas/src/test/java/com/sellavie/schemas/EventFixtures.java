package com.sellavie.schemas;

import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderExpired;
import com.sellavie.events.commerce.OrderLine;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.OrderRefunded;
import com.sellavie.events.commerce.PaymentDiscrepancyRecorded;
import com.sellavie.events.commerce.PaymentFailed;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.CheckoutActionItem;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.InvoiceAction;
import com.sellavie.events.ai.PaymentStatusAction;
import com.sellavie.events.ai.AiUsageRecorded;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ChannelConnected;
import com.sellavie.events.conversation.ChannelDisconnected;
import com.sellavie.events.conversation.ChannelNeedsReconnect;
import com.sellavie.events.conversation.MessageRecorded;
import com.sellavie.events.conversation.OutboundMessageFailed;
import com.sellavie.events.conversation.OutboundMessageSent;
import com.sellavie.events.conversation.HandoffRequested;
import com.sellavie.events.conversation.HandoffResolved;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.conversation.ReplyRequestedHistoryMessage;
import com.sellavie.events.identity.AccountEmailRequested;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.events.identity.DataErasureRequested;
import com.sellavie.events.identity.DataExportRequested;
import com.sellavie.events.privacy.PrivacyTaskCompleted;
import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.events.identity.MemberRoleChanged;
import com.sellavie.events.ingest.InboundAttachment;
import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.events.ingest.InboundStoryReply;
import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.events.ingest.UnroutableWebhook;
import com.sellavie.events.ingest.UnroutableWebhookIdentifier;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/** One realistic sample of every event type, for tests and the serde benchmark. */
public final class EventFixtures {

    public static final UUID BUSINESS = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-2f4a6b8c0d12");
    public static final UUID CONVERSATION = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-5a5a5a5a5a5a");
    public static final UUID CHANNEL = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-c4c4c4c4c4c4");
    public static final UUID CONTACT = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-cccccccccc01");
    public static final UUID ORDER = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000d1");
    public static final UUID PRODUCT = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000e1");
    public static final UUID PRIVACY_REQUEST = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000f2");
    public static final Instant NOW = Instant.parse("2026-03-14T09:26:53.589Z");

    private static final Map<Class<? extends SpecificRecord>, Function<EventMetadata, SpecificRecord>> SAMPLES =
            new LinkedHashMap<>();

    static {
        SAMPLES.put(InboundMessageReceived.class, EventFixtures::inboundMessageReceived);
        SAMPLES.put(UnroutableWebhook.class, EventFixtures::unroutableWebhook);
        SAMPLES.put(MessageStatusChanged.class, EventFixtures::messageStatusChanged);
        SAMPLES.put(BusinessRegistered.class, EventFixtures::businessRegistered);
        SAMPLES.put(MemberJoined.class, EventFixtures::memberJoined);
        SAMPLES.put(MemberRoleChanged.class, EventFixtures::memberRoleChanged);
        SAMPLES.put(MemberLeft.class, EventFixtures::memberLeft);
        SAMPLES.put(BusinessUpdated.class, EventFixtures::businessUpdated);
        SAMPLES.put(AccountEmailRequested.class, EventFixtures::accountEmailRequested);
        SAMPLES.put(DataExportRequested.class, EventFixtures::dataExportRequested);
        SAMPLES.put(DataErasureRequested.class, EventFixtures::dataErasureRequested);
        SAMPLES.put(PrivacyTaskCompleted.class, EventFixtures::privacyTaskCompleted);
        SAMPLES.put(ChannelConnected.class, EventFixtures::channelConnected);
        SAMPLES.put(ChannelDisconnected.class, EventFixtures::channelDisconnected);
        SAMPLES.put(ChannelNeedsReconnect.class, EventFixtures::channelNeedsReconnect);
        SAMPLES.put(MessageRecorded.class, EventFixtures::messageRecorded);
        SAMPLES.put(OutboundMessageSent.class, EventFixtures::outboundMessageSent);
        SAMPLES.put(OutboundMessageFailed.class, EventFixtures::outboundMessageFailed);
        SAMPLES.put(ReplyRequested.class, EventFixtures::replyRequested);
        SAMPLES.put(HandoffRequested.class, EventFixtures::handoffRequested);
        SAMPLES.put(HandoffResolved.class, EventFixtures::handoffResolved);
        SAMPLES.put(ReplyGenerated.class, EventFixtures::replyGenerated);
        SAMPLES.put(AiUsageRecorded.class, EventFixtures::aiUsageRecorded);
        SAMPLES.put(PaymentEventReceived.class, EventFixtures::paymentEventReceived);
        SAMPLES.put(ProductUpserted.class, EventFixtures::productUpserted);
        SAMPLES.put(ProductRemoved.class, EventFixtures::productRemoved);
        SAMPLES.put(OrderPlaced.class, EventFixtures::orderPlaced);
        SAMPLES.put(CheckoutLinkCreated.class, EventFixtures::checkoutLinkCreated);
        SAMPLES.put(OrderPaid.class, EventFixtures::orderPaid);
        SAMPLES.put(PaymentFailed.class, EventFixtures::paymentFailed);
        SAMPLES.put(OrderExpired.class, EventFixtures::orderExpired);
        SAMPLES.put(OrderCancelled.class, EventFixtures::orderCancelled);
        SAMPLES.put(OrderRefunded.class, EventFixtures::orderRefunded);
        SAMPLES.put(InvoiceIssued.class, EventFixtures::invoiceIssued);
        SAMPLES.put(CheckoutRejected.class, EventFixtures::checkoutRejected);
        SAMPLES.put(CheckoutLinkFailed.class, EventFixtures::checkoutLinkFailed);
        SAMPLES.put(PaymentDiscrepancyRecorded.class, EventFixtures::paymentDiscrepancyRecorded);
        SAMPLES.put(OutboundMessageRequested.class, EventFixtures::outboundMessageRequested);
    }

    private EventFixtures() {
    }

    /** Event types this factory can build a sample of. */
    public static List<Class<? extends SpecificRecord>> types() {
        return List.copyOf(SAMPLES.keySet());
    }

    /** A sample of {@code type} with fresh metadata of the fixture business (of no business for unroutable webhooks). */
    public static <T extends SpecificRecord> T sample(Class<T> type) {
        EventMetadata metadata = metadata();
        if (type == UnroutableWebhook.class) {
            metadata = new EventMetadata(metadata.eventId(), metadata.occurredAt(), EventMetadata.NO_BUSINESS,
                    metadata.correlationId(), metadata.causationId());
        }
        return sample(type, metadata);
    }

    public static <T extends SpecificRecord> T sample(Class<T> type, EventMetadata metadata) {
        Function<EventMetadata, SpecificRecord> factory = SAMPLES.get(type);
        if (factory == null) {
            throw new IllegalArgumentException("EventFixtures has no sample of " + type.getName() + ": add one");
        }
        return type.cast(factory.apply(metadata));
    }

    public static EventMetadata metadata() {
        UUID cause = EventMetadata.newEventId();
        return new EventMetadata(EventMetadata.newEventId(), NOW, BUSINESS, "journey-" + cause, cause.toString());
    }

    static InboundMessageReceived inboundMessageReceived(EventMetadata m) {
        return InboundMessageReceived.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setChannelType("INSTAGRAM").setChannelExternalId("17841400000000001")
                .setSenderExternalId("1234567890123456").setExternalMessageId("aWdfZAG1faWQ6MTc4NDE0MDAwMDAwMDAwMQ")
                .setText("Hi! Do you still have the blue ankara dress in size M?")
                .setSentAt(NOW.minusSeconds(2))
                .setAttachments(List.of(new InboundAttachment("image",
                        "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17951234567890123", null, null)))
                .setReplyToStory(new InboundStoryReply("17887654321098765",
                        "https://lookaside.fbsbx.com/ig_messaging_cdn/?asset_id=17887654321098765"))
                .build();
    }

    static MessageStatusChanged messageStatusChanged(EventMetadata m) {
        return MessageStatusChanged.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setChannelType("WHATSAPP").setChannelExternalId("106540352242922")
                .setRecipientExternalId("16505551234")
                .setStatus("FAILED")
                .setExternalMessageIds(List.of("wamid.HBgLMTY1MDU1NTEyMzQVAgARGBI5QTNDQTVCM0Q0Q0Q2RTY3RTcA"))
                .setStatusAt(NOW.minusSeconds(1))
                .setErrorCode("131047").setErrorTitle("Re-engagement message")
                .build();
    }

    static UnroutableWebhook unroutableWebhook(EventMetadata m) {
        return UnroutableWebhook.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setSource("META").setReason("UNKNOWN_CHANNEL").setObjectType("whatsapp_business_account")
                .setIdentifiers(List.of(
                        new UnroutableWebhookIdentifier("entry.id", "102290129340398"),
                        new UnroutableWebhookIdentifier("metadata.phone_number_id", "106540352242922")))
                .setPayloadSizeBytes(1874)
                .setPayloadSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                .build();
    }

    private static final UUID MEMBER = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000b2");
    private static final UUID OWNER = UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000a1");

    static MemberJoined memberJoined(EventMetadata m) {
        return MemberJoined.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setUserId(MEMBER).setRole("AGENT").setInvitedByUserId(OWNER)
                .build();
    }

    static MemberRoleChanged memberRoleChanged(EventMetadata m) {
        return MemberRoleChanged.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setUserId(MEMBER).setRole("ADMIN").setPreviousRole("AGENT").setChangedByUserId(OWNER)
                .build();
    }

    static MemberLeft memberLeft(EventMetadata m) {
        return MemberLeft.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setUserId(MEMBER).setPreviousRole("ADMIN").setReason("REMOVED").setRemovedByUserId(OWNER)
                .build();
    }

    static BusinessUpdated businessUpdated(EventMetadata m) {
        return BusinessUpdated.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setName("Adaeze's Ankara Studio").setTimeZone("Africa/Lagos").setLanguage("en").setCountry("NG")
                .setContactEmail("hello@ankara.example").setLogoUrl("https://cdn.ankara.example/logo.png")
                .setUpdatedByUserId(OWNER)
                .build();
    }

    static AccountEmailRequested accountEmailRequested(EventMetadata m) {
        return AccountEmailRequested.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setEmailId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000f1")).setKind("INVITATION")
                .setRecipient("tunde@ankara.example").setRecipientUserId(null).setLocale("en")
                .setBusinessName("Adaeze's Ankara Studio").setInviterName("Adaeze").setRole("AGENT")
                .setActionLinkCiphertext("AZx3b1Vt0c2VjcmV0LWxpbmstY2lwaGVydGV4dA").setExpiresAt(NOW.plusSeconds(7 * 86_400))
                .build();
    }

    static DataExportRequested dataExportRequested(EventMetadata m) {
        return DataExportRequested.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setRequestId(PRIVACY_REQUEST).setScope("CONTACT").setContactId(CONTACT).setRequestedByUserId(OWNER)
                .build();
    }

    static DataErasureRequested dataErasureRequested(EventMetadata m) {
        return DataErasureRequested.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setRequestId(PRIVACY_REQUEST).setScope("CONTACT").setContactId(CONTACT).setMetaUserId(null)
                .setSource("CONSOLE").setRequestedByUserId(OWNER)
                .build();
    }

    static PrivacyTaskCompleted privacyTaskCompleted(EventMetadata m) {
        return PrivacyTaskCompleted.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setRequestId(PRIVACY_REQUEST).setRequestKind("ERASURE").setService("conversation-service")
                .setOutcome("DONE").setItemCount(42).setDetail(null)
                .build();
    }

    static BusinessRegistered businessRegistered(EventMetadata m) {
        return BusinessRegistered.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setName("Adaeze's Ankara Studio").setOwnerUserId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000a1"))
                .setCountry("NG").setTimeZone("Africa/Lagos")
                .build();
    }

    static ChannelConnected channelConnected(EventMetadata m) {
        return ChannelConnected.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setChannelId(CHANNEL).setChannelType("WHATSAPP").setExternalId("106540352242922")
                .setName("Ankara Studio").setWhatsappBusinessAccountId("102290129340398")
                .setDisplayPhoneNumber("+234 803 555 0199")
                .build();
    }

    static ChannelNeedsReconnect channelNeedsReconnect(EventMetadata m) {
        return ChannelNeedsReconnect.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setChannelId(CHANNEL).setChannelType("INSTAGRAM").setExternalId("17841400000000001")
                .setName("ankara.studio")
                .setDetail("Error validating access token: The session has been invalidated because the user "
                        + "changed their password.")
                .build();
    }

    static ChannelDisconnected channelDisconnected(EventMetadata m) {
        return ChannelDisconnected.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setChannelId(CHANNEL).setChannelType("INSTAGRAM").setExternalId("17841400000000001")
                .setName("ankara.studio").setPageId("112233445566778").setReason("ACCESS_REVOKED")
                .build();
    }

    static MessageRecorded messageRecorded(EventMetadata m) {
        return MessageRecorded.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setMessageId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-00000000bb01"))
                .setContactId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-00000000cc01"))
                .setDirection("INBOUND").setAuthorType("CUSTOMER")
                .setText("Hi! Do you still have the blue ankara dress in size M?")
                .setExternalMessageId("aWdfZAG1faWQ6MTc4NDE0MDAwMDAwMDAwMQ")
                .setChannelId(CHANNEL).setChannelType("INSTAGRAM").setChannelExternalId("17841400000000001")
                .setSentAt(NOW.minusSeconds(2))
                .build();
    }

    static OutboundMessageSent outboundMessageSent(EventMetadata m) {
        return OutboundMessageSent.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setMessageId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-00000000bb02"))
                .setChannelId(CHANNEL).setRecipient("1234567890123456")
                .setExternalMessageId("aWdfZAG1faWQ6MTc4NDE0MDAwMDAwMDAwMg").setAttempts(1)
                .build();
    }

    static OutboundMessageFailed outboundMessageFailed(EventMetadata m) {
        return OutboundMessageFailed.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setMessageId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-00000000bb03"))
                .setChannelId(CHANNEL).setRecipient("2348035550199").setAttempts(5)
                .setReason("OUTSIDE_MESSAGING_WINDOW").setCode("131047")
                .setDetail("Re-engagement message: more than 24 hours have passed since the customer last replied.")
                .build();
    }

    static ReplyRequested replyRequested(EventMetadata m) {
        return ReplyRequested.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setContactId(CONTACT).setChannelType("INSTAGRAM")
                .setTriggerMessageId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-00000000bb04"))
                .setTriggerText("Great, I'll take two. How do I pay?")
                .setHistory(List.of(
                        new ReplyRequestedHistoryMessage("INBOUND",
                                "Hi! Do you still have the blue ankara dress in size M?", NOW.minusSeconds(120)),
                        new ReplyRequestedHistoryMessage("OUTBOUND",
                                "Yes, we do! It's NGN 25,000. Would you like to order?", NOW.minusSeconds(110))))
                .build();
    }

    static HandoffRequested handoffRequested(EventMetadata m) {
        return HandoffRequested.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setContactId(CONTACT).setContactName("Adaeze")
                .setChannelType("INSTAGRAM").setTrigger("AI_ACTION").setReason("wants a refund for a damaged dress")
                .setMemberId(null)
                .build();
    }

    static HandoffResolved handoffResolved(EventMetadata m) {
        return HandoffResolved.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setContactId(CONTACT).setChannelType("INSTAGRAM")
                .setTrigger("RELEASED").setMemberId("0190f5a2-7c3e-7b6a-9d1e-00000000cc01").setMode("BOT")
                .build();
    }

    static ReplyGenerated replyGenerated(EventMetadata m) {
        return ReplyGenerated.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setContactId(CONTACT).setReplyRequestId(UUID.fromString(m.causationId()))
                .setText("Lovely! Here is your checkout link for two dresses. Tap it to pay securely.")
                .setProviderName("openai").setModel("gpt-4o-mini").setOffline(false)
                .setActions(List.of(
                        new CheckoutAction(List.of(new CheckoutActionItem("ANK-BLUE-M", 2))),
                        new HandoffAction("customer asked for a custom size"),
                        new InvoiceAction("ORD-1042"),
                        new PaymentStatusAction("ORD-1042")))
                .build();
    }

    static AiUsageRecorded aiUsageRecorded(EventMetadata m) {
        return AiUsageRecorded.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setReplyRequestId(UUID.fromString(m.causationId()))
                .setReplyId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-00000000ab01")).setConversationId(CONVERSATION)
                .setUsageDay("2026-12-01").setProviderName("openai").setModel("gpt-4o-mini")
                .setInputTokens(1_250L).setOutputTokens(180L).setCostMicroUsd(296L)
                .setPriceTableVersion("2026-12").setBudgetFallback(false)
                .build();
    }

    static PaymentEventReceived paymentEventReceived(EventMetadata m) {
        return PaymentEventReceived.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setProvider("PAYSTACK").setEndpointId("pe_4mX9qT2vL8nR3wK7").setProviderEventId("charge.success:302961")
                .setEventType("charge.success").setStatus("SUCCEEDED").setReference("SLV-0190F5A2D1")
                .setOrderId(ORDER.toString()).setProviderTransactionId("302961")
                .setAmountMinor(5_000_000L).setCurrency("NGN").setLivemode(false)
                .build();
    }

    static ProductUpserted productUpserted(EventMetadata m) {
        return ProductUpserted.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setProductId(PRODUCT).setSku("ANK-BLUE-M").setName("Blue ankara dress, size M")
                .setDescription("Hand-finished cotton ankara, midi length.")
                .setPriceMinor(2_500_000L).setCurrency("NGN").setStock(12).setActive(true)
                .build();
    }

    static ProductRemoved productRemoved(EventMetadata m) {
        return ProductRemoved.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setProductId(PRODUCT).setSku("ANK-BLUE-M")
                .build();
    }

    static OrderPlaced orderPlaced(EventMetadata m) {
        return OrderPlaced.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setContactId(CONTACT)
                .setItems(List.of(new OrderLine("ANK-BLUE-M", "Blue ankara dress, size M", 2, 2_500_000L)))
                .setTotalMinor(5_000_000L).setCurrency("NGN").setProvider("PAYSTACK").setOrigin("ASSISTANT")
                .setReplyEventId(m.causationId())
                .build();
    }

    static CheckoutLinkCreated checkoutLinkCreated(EventMetadata m) {
        return CheckoutLinkCreated.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setProvider("PAYSTACK")
                .setReference("SLV-0190F5A2D1").setCheckoutUrl("https://checkout.paystack.com/0peioxfhpn")
                .setTotalMinor(5_000_000L).setCurrency("NGN")
                .build();
    }

    static OrderPaid orderPaid(EventMetadata m) {
        return OrderPaid.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setContactId(CONTACT).setProvider("PAYSTACK")
                .setReference("SLV-0190F5A2D1").setProviderTransactionId("302961")
                .setAmountMinor(5_000_000L).setCurrency("NGN").setPaidAt(NOW)
                .build();
    }

    static PaymentFailed paymentFailed(EventMetadata m) {
        return PaymentFailed.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setProvider("FLUTTERWAVE")
                .setReference("SLV-0190F5A2D1").setProviderTransactionId("285959875").setReason("Insufficient funds")
                .build();
    }

    static OrderExpired orderExpired(EventMetadata m) {
        return OrderExpired.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setPlacedAt(NOW.minusSeconds(86_400))
                .build();
    }

    static OrderCancelled orderCancelled(EventMetadata m) {
        return OrderCancelled.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION)
                .setCancelledBy("0190f5a2-7c3e-7b6a-9d1e-0000000000a1").setReason("customer changed their mind")
                .build();
    }

    static OrderRefunded orderRefunded(EventMetadata m) {
        return OrderRefunded.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setProvider("STRIPE")
                .setReference("cs_test_a1b2c3").setAmountMinor(4_200L).setCurrency("USD")
                .build();
    }

    static InvoiceIssued invoiceIssued(EventMetadata m) {
        return InvoiceIssued.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION)
                .setInvoiceId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000f1")).setNumber("INV-2026-000042")
                .setTotalMinor(5_000_000L).setCurrency("NGN")
                .build();
    }

    static CheckoutRejected checkoutRejected(EventMetadata m) {
        return CheckoutRejected.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION).setReplyEventId(m.causationId()).setReason("OUT_OF_STOCK")
                .setDetail("ANK-BLUE-M: 5 asked, 2 in stock")
                .build();
    }

    static OutboundMessageRequested outboundMessageRequested(EventMetadata m) {
        return OutboundMessageRequested.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setConversationId(CONVERSATION)
                .setText("Here is your checkout link for 2 x Blue ankara dress (NGN 50,000): "
                        + "https://checkout.paystack.com/0peioxfhpn")
                .setPurpose("CHECKOUT_LINK").setReference(ORDER.toString())
                .build();
    }

    static CheckoutLinkFailed checkoutLinkFailed(EventMetadata m) {
        return CheckoutLinkFailed.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setOrderId(ORDER).setConversationId(CONVERSATION).setProvider("PAYSTACK").setAttempts(9)
                .setReason("PROVIDER_UNAVAILABLE").setDetail("Paystack answered 503 for 15 minutes")
                .build();
    }

    static PaymentDiscrepancyRecorded paymentDiscrepancyRecorded(EventMetadata m) {
        return PaymentDiscrepancyRecorded.newBuilder()
                .setEventId(m.eventId()).setOccurredAt(m.occurredAt()).setBusinessId(m.businessId())
                .setCorrelationId(m.correlationId()).setCausationId(m.causationId())
                .setDiscrepancyId(UUID.fromString("0190f5a2-7c3e-7b6a-9d1e-0000000000f9")).setOrderId(ORDER)
                .setProvider("PAYSTACK").setProviderEventId("charge.success:302962").setReference("SLV-0190F5A2D1")
                .setKind("AMOUNT_MISMATCH").setExpectedAmountMinor(5_000_000L).setReceivedAmountMinor(500_000L)
                .setCurrency("NGN")
                .build();
    }
}
