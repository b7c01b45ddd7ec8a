package com.sellavie.ai.messaging.outbound;

import com.sellavie.ai.actiontag.Action;
import com.sellavie.ai.actiontag.ParsedReply;
import com.sellavie.ai.provider.Reply;
import com.sellavie.events.ai.CheckoutAction;
import com.sellavie.events.ai.CheckoutActionItem;
import com.sellavie.events.ai.HandoffAction;
import com.sellavie.events.ai.InvoiceAction;
import com.sellavie.events.ai.PaymentStatusAction;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.util.List;

/**
 * ReplyGenerated from a request and its parsed reply: same tenant, journey and contact (commerce ties
 * a CHECKOUT's order to that contact), caused by the request.
 */
public final class ReplyMessages {

    /** providerName of a handoff written by ai-service itself because no provider answered. */
    public static final String NO_PROVIDER = "none";

    private ReplyMessages() {
    }

    public static ReplyGenerated replyGenerated(ReplyRequested request, Reply reply, ParsedReply parsed,
            Instant occurredAt) {
        EventMetadata metadata = EventMetadata.causedBy(EventMetadata.of(request), occurredAt);
        return ReplyGenerated.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(metadata.causationId())
                .setConversationId(request.getConversationId())
                .setReplyRequestId(request.getEventId())
                .setContactId(request.getContactId())
                .setChannelType(request.getChannelType())
                .setText(parsed.text())
                .setProviderName(reply.providerName())
                .setModel(reply.model())
                .setOffline(reply.offline())
                .setActions(parsed.actions().stream().map(ReplyMessages::action).toList())
                .build();
    }

    /**
     * The reply when ai-service gives a request up: {@code text} for the customer (empty for none; it
     * may say the team has the message, never more) and one HANDOFF action so a person takes the
     * conversation over.
     */
    public static ReplyGenerated handoff(ReplyRequested request, String text, String reason, Instant occurredAt) {
        EventMetadata metadata = EventMetadata.causedBy(EventMetadata.of(request), occurredAt);
        return ReplyGenerated.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(metadata.causationId())
                .setConversationId(request.getConversationId())
                .setReplyRequestId(request.getEventId())
                .setContactId(request.getContactId())
                .setChannelType(request.getChannelType())
                .setText(text)
                .setProviderName(NO_PROVIDER)
                .setModel(null)
                .setOffline(false)
                .setActions(List.of(new HandoffAction(reason)))
                .build();
    }

    private static Object action(Action action) {
        return switch (action) {
            case Action.Handoff handoff -> new HandoffAction(handoff.reason());
            case Action.Checkout checkout -> new CheckoutAction(checkout.items().stream()
                    .map(item -> new CheckoutActionItem(item.sku(), item.quantity())).toList());
            case Action.Invoice invoice -> new InvoiceAction(invoice.orderId());
            case Action.PaymentStatus status -> new PaymentStatusAction(status.orderId());
        };
    }
}
