package com.sellavie.ai;

import com.sellavie.ai.knowledge.BusinessKnowledge;
import com.sellavie.ai.knowledge.BusinessKnowledge.Faq;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.ai.provider.Prompt;
import com.sellavie.events.commerce.OrderCancelled;
import com.sellavie.events.commerce.OrderLine;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.events.conversation.ReplyRequestedHistoryMessage;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.schemas.EventMetadata;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Small factories for the tests: a shop with its catalog, prompts and the events ai-service consumes. */
public final class Fixtures {

    public static final String SHOP_NAME = "Lagos Linen";
    public static final List<Faq> FAQS = List.of(
            new Faq("delivery", "Do you deliver?", "We deliver across Lagos in 2 days, 1500 NGN."));
    /** Unlimited, 5 in stock, none left. */
    public static final List<Product> PRODUCTS = List.of(
            new Product("LINEN-SHIRT-M", "Linen Shirt", "White, size M", 2500, "USD", null),
            new Product("TOTE-01", "Canvas Tote", null, 1250, "USD", 5),
            new Product("SILK-SCARF", "Silk Scarf", null, 4000, "USD", 0));

    private Fixtures() {
    }

    public static BusinessKnowledge shop(UUID businessId) {
        return new BusinessKnowledge(businessId, SHOP_NAME, FAQS, PRODUCTS);
    }

    /** A prompt whose customer message is already neutral (as PromptBuilder makes it). */
    public static Prompt prompt(String customerMessage) {
        return new Prompt("You are the assistant of " + SHOP_NAME + ".", List.of(), customerMessage,
                shop(UUID.randomUUID()));
    }

    public static ReplyRequested replyRequested(UUID businessId, UUID conversationId, String triggerText,
            ReplyRequestedHistoryMessage... history) {
        return replyRequested(businessId, conversationId, null, triggerText, history);
    }

    /** A request of the conversation with this contact (ReplyRequested v2; {@code null}: an older sender). */
    public static ReplyRequested replyRequested(UUID businessId, UUID conversationId, UUID contactId,
            String triggerText, ReplyRequestedHistoryMessage... history) {
        UUID inbound = EventMetadata.newEventId();
        return ReplyRequested.newBuilder()
                .setEventId(EventMetadata.newEventId())
                .setOccurredAt(Instant.now())
                .setBusinessId(businessId)
                .setCorrelationId("journey-" + inbound)
                .setCausationId(inbound.toString())
                .setConversationId(conversationId)
                .setContactId(contactId)
                .setChannelType("INSTAGRAM")
                .setTriggerMessageId(EventMetadata.newEventId())
                .setTriggerText(triggerText)
                .setHistory(List.of(history))
                .build();
    }

    public static ReplyRequestedHistoryMessage history(String direction, String text) {
        return new ReplyRequestedHistoryMessage(direction, text, Instant.now().minusSeconds(60));
    }

    /** commerce's event for a product's whole state, as its relay would publish it. */
    public static ProductUpserted productUpserted(UUID businessId, UUID productId, Product product, boolean active,
            Instant occurredAt) {
        return ProductUpserted.newBuilder()
                .setEventId(EventMetadata.newEventId())
                .setOccurredAt(occurredAt)
                .setBusinessId(businessId)
                .setCorrelationId("catalog-" + productId)
                .setProductId(productId)
                .setSku(product.sku())
                .setName(product.name())
                .setDescription(product.description())
                .setPriceMinor(product.priceMinor())
                .setCurrency(product.currency())
                .setStock(product.stock())
                .setActive(active)
                .build();
    }

    public static ProductRemoved productRemoved(UUID businessId, UUID productId, String sku, Instant occurredAt) {
        return ProductRemoved.newBuilder()
                .setEventId(EventMetadata.newEventId())
                .setOccurredAt(occurredAt)
                .setBusinessId(businessId)
                .setCorrelationId("catalog-" + productId)
                .setProductId(productId)
                .setSku(sku)
                .build();
    }

    public static BusinessRegistered businessRegistered(UUID businessId, String name) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, Instant.now());
        return BusinessRegistered.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId())
                .setName(name)
                .setOwnerUserId(UUID.randomUUID())
                .build();
    }

    public static BusinessUpdated businessUpdated(UUID businessId, String name, String language, String timeZone) {
        EventMetadata metadata = EventMetadata.startOfJourney(businessId, Instant.now());
        return BusinessUpdated.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(businessId)
                .setCorrelationId(metadata.correlationId())
                .setName(name)
                .setLanguage(language)
                .setTimeZone(timeZone)
                .setUpdatedByUserId(UUID.randomUUID())
                .build();
    }

    /** commerce's OrderPlaced for this contact: one line of {@code quantity} x the product, priced by commerce. */
    public static OrderPlaced orderPlaced(UUID businessId, UUID orderId, UUID contactId, UUID conversationId,
            Product product, int quantity, Instant occurredAt) {
        return OrderPlaced.newBuilder()
                .setEventId(EventMetadata.newEventId())
                .setOccurredAt(occurredAt)
                .setBusinessId(businessId)
                .setCorrelationId("order-" + orderId)
                .setOrderId(orderId)
                .setConversationId(conversationId)
                .setContactId(contactId)
                .setItems(List.of(new OrderLine(product.sku(), product.name(), quantity, product.priceMinor())))
                .setTotalMinor(product.priceMinor() * quantity)
                .setCurrency(product.currency())
                .setProvider("PAYSTACK")
                .setOrigin("ASSISTANT")
                .build();
    }

    public static OrderPaid orderPaid(OrderPlaced placed, Instant occurredAt) {
        return OrderPaid.newBuilder()
                .setEventId(EventMetadata.newEventId())
                .setOccurredAt(occurredAt)
                .setBusinessId(placed.getBusinessId())
                .setCorrelationId(placed.getCorrelationId())
                .setOrderId(placed.getOrderId())
                .setConversationId(placed.getConversationId())
                .setContactId(placed.getContactId())
                .setProvider(placed.getProvider())
                .setReference("ref-" + placed.getOrderId())
                .setAmountMinor(placed.getTotalMinor())
                .setCurrency(placed.getCurrency())
                .setPaidAt(occurredAt)
                .build();
    }

    public static OrderCancelled orderCancelled(UUID businessId, UUID orderId, Instant occurredAt) {
        return OrderCancelled.newBuilder()
                .setEventId(EventMetadata.newEventId())
                .setOccurredAt(occurredAt)
                .setBusinessId(businessId)
                .setCorrelationId("order-" + orderId)
                .setOrderId(orderId)
                .build();
    }
}
