package com.sellavie.commerce.order;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.ReadOnlyProperty;
import org.springframework.data.annotation.Transient;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An order: what a customer asked for in a conversation, priced from the catalog when placed, and
 * where its payment stands. Every state change happens in a method here, which records it on the
 * timeline and yields the event to publish ({@link #pendingEvents()}).
 */
@Table("orders")
public class Order {

    public static final String ORIGIN_ASSISTANT = "ASSISTANT";
    /** A "Try your assistant" conversation's channel: its orders are tests, left out of revenue. */
    public static final String CHANNEL_SANDBOX = "SANDBOX";

    @Id
    private UUID id;
    private UUID businessId;
    private OrderStatus status;
    private String origin;
    private UUID conversationId;
    /** The conversation's channel type as the CHECKOUT reply named it; null when it named none. */
    private String channelType;
    private UUID contactId;
    private UUID customerKey;
    private String replyEventId;
    private String correlationId;
    private long totalMinor;
    private String currency;
    private String provider;
    private String reference;
    private CheckoutStatus checkoutStatus;
    private String checkoutUrl;
    /** When the link is to be made: set only while it is due for an open order (the checkout queue). */
    private Instant checkoutNextAt;
    private String checkoutError;
    /** Counted by the checkout scheduler's claim, in the database; read here only. */
    @ReadOnlyProperty
    private int checkoutAttempts;
    private String itemsKey;
    private Instant createdAt;
    private Instant expiresAt;
    private Instant paidAt;
    private Instant closedAt;
    private Instant updatedAt;
    @Version
    private Integer version;
    @MappedCollection(idColumn = "order_id", keyColumn = "line_no")
    private List<OrderLine> lines = new ArrayList<>();
    @MappedCollection(idColumn = "order_id", keyColumn = "seq")
    private List<TimelineEntry> timeline = new ArrayList<>();
    @Transient
    private final List<OrderEvent> events = new ArrayList<>();

    Order() {
    }

    /**
     * A new order waiting for payment, its checkout link due at once with {@code provider}.
     *
     * @param contactId     the customer, or null when the reply named none (then the conversation
     *                      stands for the customer)
     * @param replyEventId  the ReplyGenerated whose CHECKOUT action placed it
     */
    public static Order place(UUID id, UUID businessId, UUID conversationId, UUID contactId, String replyEventId,
            String correlationId, List<OrderLine> lines, String currency, String provider, Instant now,
            Duration expireAfter) {
        Objects.requireNonNull(conversationId, "conversationId");
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        Order order = new Order();
        order.id = id;
        order.businessId = businessId;
        order.status = OrderStatus.PENDING_PAYMENT;
        order.origin = ORIGIN_ASSISTANT;
        order.conversationId = conversationId;
        order.contactId = contactId;
        order.customerKey = customerKey(contactId, conversationId);
        order.replyEventId = replyEventId;
        order.correlationId = correlationId;
        order.lines = new ArrayList<>(lines);
        order.currency = Objects.requireNonNull(currency, "currency");
        order.totalMinor = 0;
        for (OrderLine line : lines) {
            if (!line.businessId().equals(businessId)) {
                throw new IllegalArgumentException("a line of another business");
            }
            order.totalMinor = Math.addExact(order.totalMinor, line.totalMinor());
        }
        order.provider = provider;
        // Paystack and Flutterwave take our reference; Stripe names its session, known once it exists.
        order.reference = "STRIPE".equals(provider) ? null : providerReference(id);
        order.checkoutStatus = CheckoutStatus.PENDING;
        order.checkoutNextAt = now;
        order.itemsKey = itemsKey(lines);
        order.createdAt = now;
        order.expiresAt = now.plus(expireAfter);
        order.updatedAt = now;
        order.record(TimelineEntry.Kind.PLACED, now, order.itemsKey);
        order.events.add(new OrderEvent.Placed(now, replyEventId));
        return order;
    }

    /** Where the conversation it came from is (the CHECKOUT reply's channel type); set when placed. */
    public Order fromChannel(String channelType) {
        this.channelType = channelType;
        return this;
    }

    /** The contact, or the conversation when no contact is known: whose order it is. */
    public static UUID customerKey(UUID contactId, UUID conversationId) {
        return contactId != null ? contactId : conversationId;
    }

    /** "SLV-" + the order id's 32 hex digits, upper case: the reference Paystack and Flutterwave carry. */
    public static String providerReference(UUID orderId) {
        return "SLV-" + HexFormat.of().withUpperCase().formatHex(toBytes(orderId));
    }

    /** The items as "sku:qty" pairs, skus lower-cased, sorted: equal for the same items in any order. */
    public static String itemsKey(List<OrderLine> lines) {
        return lines.stream().map(l -> l.sku().toLowerCase(Locale.ROOT) + ":" + l.quantity()).sorted()
                .collect(Collectors.joining(","));
    }

    /** The provider opened a checkout: the link is stored and will be sent to the customer. */
    public void checkoutLinkCreated(String url, String providerReference, Instant now, String causationId) {
        requireOpen("record a checkout link");
        if (checkoutStatus == CheckoutStatus.CREATED) {
            throw new OrderStateException("order " + id + " already has a checkout link", status);
        }
        checkoutStatus = CheckoutStatus.CREATED;
        checkoutUrl = Objects.requireNonNull(url, "url");
        reference = Objects.requireNonNull(providerReference, "providerReference");
        checkoutNextAt = null;
        checkoutError = null;
        updatedAt = now;
        record(TimelineEntry.Kind.LINK_CREATED, now, provider + " " + reference);
        events.add(new OrderEvent.LinkCreated(now, causationId));
    }

    /** A transient failure: try the provider again at {@code next}. No event: the team need not act yet. */
    public void retryCheckoutAt(Instant next, String error, Instant now) {
        checkoutNextAt = next;
        checkoutError = error;
        updatedAt = now;
    }

    /** The provider refused for good or stayed down: the team is alerted, the order stays open. */
    public void checkoutLinkFailed(String reason, String detail, int attempts, Instant now, String causationId) {
        if (checkoutStatus != CheckoutStatus.PENDING) {
            throw new OrderStateException("order " + id + "'s checkout is " + checkoutStatus, status);
        }
        checkoutStatus = CheckoutStatus.FAILED;
        checkoutNextAt = null;
        checkoutError = reason + ": " + detail;
        updatedAt = now;
        record(TimelineEntry.Kind.LINK_FAILED, now, checkoutError);
        events.add(new OrderEvent.LinkFailed(now, causationId, attempts, reason, detail));
    }

    /** The link message was requested from the conversation (first time or again). */
    public void linkSent(Instant now, boolean again) {
        updatedAt = now;
        record(again ? TimelineEntry.Kind.LINK_RESENT : TimelineEntry.Kind.LINK_SENT, now, null);
    }

    /**
     * A verified payment. Also from PAYMENT_FAILED or EXPIRED: the customer retried or paid late, and
     * the money is there, so the order is paid. Never a CANCELLED order (the team withdrew it) nor a
     * PAID or REFUNDED one (no second OrderPaid).
     */
    public void markPaid(Instant paidAt, String providerTransactionId, long amountMinor, String currency, Instant now,
            String causationId) {
        if (!isPayable()) {
            throw new OrderStateException("order " + id + " is " + status + ": cannot mark paid", status);
        }
        close(OrderStatus.PAID, now);
        this.paidAt = paidAt;
        record(TimelineEntry.Kind.PAID, paidAt, providerTransactionId);
        events.add(new OrderEvent.Paid(now, causationId, providerTransactionId, amountMinor, currency));
    }

    public void markPaymentFailed(String providerTransactionId, String reason, Instant now, String causationId) {
        requireOpen("record a failed payment");
        close(OrderStatus.PAYMENT_FAILED, now);
        record(TimelineEntry.Kind.PAYMENT_FAILED, now, reason);
        events.add(new OrderEvent.PaymentFailed(now, causationId, providerTransactionId, reason));
    }

    public void markRefunded(long amountMinor, String currency, Instant now, String causationId) {
        if (status != OrderStatus.PAID) {
            throw new OrderStateException("order " + id + " is " + status + ", only a PAID order is refunded", status);
        }
        status = OrderStatus.REFUNDED;
        updatedAt = now;
        record(TimelineEntry.Kind.REFUNDED, now, amountMinor + " " + currency);
        events.add(new OrderEvent.Refunded(now, causationId, amountMinor, currency));
    }

    /** A payment notification about this order did not match (amount, currency, verification...): the team sees it. */
    public void discrepancyRecorded(String kind, String detail, Instant now) {
        updatedAt = now;
        record(TimelineEntry.Kind.DISCREPANCY, now, detail == null ? kind : kind + ": " + detail);
    }

    public void invoiceIssued(String number, Instant now) {
        updatedAt = now;
        record(TimelineEntry.Kind.INVOICE_ISSUED, now, number);
    }

    /** Unpaid for too long. */
    public void expire(Instant now) {
        requireOpen("expire");
        close(OrderStatus.EXPIRED, now);
        record(TimelineEntry.Kind.EXPIRED, now, null);
        events.add(new OrderEvent.Expired(now, null));
    }

    /** Cancelled by the team; only while waiting for payment. */
    public void cancel(String cancelledBy, String reason, Instant now) {
        requireOpen("cancel");
        close(OrderStatus.CANCELLED, now);
        record(TimelineEntry.Kind.CANCELLED, now, reason);
        events.add(new OrderEvent.Cancelled(now, null, cancelledBy, reason));
    }

    public boolean isOpen() {
        return status == OrderStatus.PENDING_PAYMENT;
    }

    /** Whether a verified payment may still make it PAID: waiting, failed or expired (paid late). */
    public boolean isPayable() {
        return status == OrderStatus.PENDING_PAYMENT || status == OrderStatus.PAYMENT_FAILED
                || status == OrderStatus.EXPIRED;
    }

    public boolean expiredBy(Instant now) {
        return isOpen() && !expiresAt.isAfter(now);
    }

    /** Whether the order is this customer's: the same contact, or the same conversation when no contact is known. */
    public boolean belongsTo(UUID contactId, UUID conversationId) {
        return contactId != null ? contactId.equals(this.contactId) : conversationId.equals(this.conversationId);
    }

    /** The events of the changes made since loaded, once: the caller publishes them with the save. */
    public List<OrderEvent> pendingEvents() {
        List<OrderEvent> pending = List.copyOf(events);
        events.clear();
        return pending;
    }

    /** Ends the wait for payment; a link still to be made is no longer wanted, so it leaves the checkout queue. */
    private void close(OrderStatus closedAs, Instant now) {
        status = closedAs;
        checkoutNextAt = null;
        closedAt = now;
        updatedAt = now;
    }

    private void requireOpen(String what) {
        if (status != OrderStatus.PENDING_PAYMENT) {
            throw new OrderStateException("order " + id + " is " + status + ": cannot " + what, status);
        }
    }

    private void record(TimelineEntry.Kind kind, Instant at, String detail) {
        timeline.add(new TimelineEntry(businessId, kind, at, detail));
    }

    private static byte[] toBytes(UUID id) {
        byte[] bytes = new byte[16];
        long msb = id.getMostSignificantBits();
        long lsb = id.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (msb >>> (56 - 8 * i));
            bytes[8 + i] = (byte) (lsb >>> (56 - 8 * i));
        }
        return bytes;
    }

    public UUID id() { return id; }
    public UUID businessId() { return businessId; }
    public OrderStatus status() { return status; }
    public String origin() { return origin; }
    public String channelType() { return channelType; }
    public UUID conversationId() { return conversationId; }
    public UUID contactId() { return contactId; }
    public String replyEventId() { return replyEventId; }
    public String correlationId() { return correlationId; }
    public long totalMinor() { return totalMinor; }
    public String currency() { return currency; }
    public String provider() { return provider; }
    public String reference() { return reference; }
    public CheckoutStatus checkoutStatus() { return checkoutStatus; }
    public String checkoutUrl() { return checkoutUrl; }
    public String checkoutError() { return checkoutError; }
    public Instant checkoutNextAt() { return checkoutNextAt; }
    public int checkoutAttempts() { return checkoutAttempts; }
    public String itemsKey() { return itemsKey; }
    public Instant createdAt() { return createdAt; }
    public Instant expiresAt() { return expiresAt; }
    public Instant paidAt() { return paidAt; }
    public List<OrderLine> lines() { return Collections.unmodifiableList(lines); }
    public List<TimelineEntry> timeline() { return Collections.unmodifiableList(timeline); }
}
