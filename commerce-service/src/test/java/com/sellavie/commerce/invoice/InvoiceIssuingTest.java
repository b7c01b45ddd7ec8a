package com.sellavie.commerce.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.PaidOrders;
import com.sellavie.commerce.support.Providers;
import com.sellavie.events.commerce.InvoiceIssued;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** OrderPaid on commerce.orders -> exactly one invoice per order, numbered without gaps per business and year. */
@CommerceServiceTest
class InvoiceIssuingTest {

    private static final String YEAR = Integer.toString(Instant.now().atZone(ZoneOffset.UTC).getYear());

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OrderStore store;
    @Autowired
    Orders orders;
    @Autowired
    InvoiceIssuing issuing;
    @Autowired
    MeterRegistry meters;

    PaidOrders paidOrders;

    @BeforeEach
    void fixtures() {
        paidOrders = new PaidOrders(store, orders, transaction);
    }

    @Test
    void aPaidOrderGetsOneInvoiceItsEventOneReceiptAndATimelineEntry() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "receipt-" + customer.business());

        paidOrders.markPaid(customer.business(), order);

        InvoiceIssued issued = KafkaEvents.awaitCount(Checkouts.ORDERS, InvoiceIssued.class,
                e -> e.getOrderId().equals(order), 1).getFirst().value();
        assertThat(issued.getNumber()).isEqualTo("INV-" + YEAR + "-000001");
        assertThat(issued.getBusinessId()).isEqualTo(customer.business());
        assertThat(issued.getConversationId()).isEqualTo(customer.conversation());
        assertThat(issued.getTotalMinor()).isEqualTo(2_500_000);
        assertThat(issued.getCurrency()).isEqualTo("NGN");
        List<OutboundMessageRequested> receipts = receipts(customer.business(), 1);
        assertThat(receipts).hasSize(1);
        OutboundMessageRequested receipt = receipts.getFirst();
        assertThat(receipt.getConversationId()).isEqualTo(customer.conversation());
        assertThat(receipt.getReference()).isEqualTo(order.toString());
        assertThat(receipt.getText()).isEqualTo("Payment received, thank you! You paid NGN 25,000.00 for 1 x Linen "
                + "shirt (reference SLV-" + order.toString().replace("-", "").toUpperCase() + "). Your invoice number "
                + "is INV-" + YEAR + "-000001; the invoice is available from the shop.");
        JsonNode shown = Api.asMemberOf(port, customer.business(), "AGENT").get("/api/orders/" + order).json();
        assertThat(shown.get("timeline")).extracting(e -> e.get("kind").asString()).endsWith("PAID", "INVOICE_ISSUED");
        assertThat(shown.get("timeline").get(shown.get("timeline").size() - 1).get("detail").asString())
                .isEqualTo(issued.getNumber());
    }

    @Test
    void theInvoiceAnswerNamesTheIssuedNumber() {
        Customer customer = Customer.of(UUID.randomUUID());
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        UUID order = Checkouts.orderWithLink(port, customer, secret, "answer-" + customer.business());
        paidOrders.markPaid(customer.business(), order);
        receipts(customer.business(), 1);

        Checkouts.publish(Checkouts.invoice(customer, order.toString()));

        OutboundMessageRequested answer = KafkaEvents.awaitCount(Checkouts.OUTBOUND, OutboundMessageRequested.class,
                e -> e.getBusinessId().equals(customer.business()) && "INVOICE".equals(e.getPurpose()), 1)
                .getFirst().value();
        assertThat(answer.getText()).isEqualTo("The invoice for your order for 1 x Linen shirt is INV-" + YEAR
                + "-000001.");
    }

    @Test
    void theSameOrderPaidDeliveredAgainOrRepeatedMakesNoSecondInvoiceNorReceipt() {
        UUID business = UUID.randomUUID();
        UUID order = paidOrders.paidNow(business);
        OrderPaid paid = KafkaEvents.awaitCount(Checkouts.ORDERS, OrderPaid.class, e -> e.getOrderId().equals(order), 1)
                .getFirst().value();
        receipts(business, 1);
        double redelivered = count("redelivered");
        double alreadyInvoiced = count("already_invoiced");

        PaidOrders.deliverAgain(paid);
        PaidOrders.deliverAgain(OrderPaid.newBuilder(paid).setEventId(EventMetadata.newEventId()).build());

        await().atMost(Duration.ofSeconds(30)).until(() -> count("redelivered") > redelivered
                && count("already_invoiced") > alreadyInvoiced);
        assertThat(numbers(business)).containsExactly("INV-" + YEAR + "-000001");
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, InvoiceIssued.class, e -> e.getOrderId().equals(order),
                Duration.ofSeconds(1))).hasSize(1);
        assertThat(KafkaEvents.collect(Checkouts.OUTBOUND, OutboundMessageRequested.class,
                e -> e.getBusinessId().equals(business), Duration.ofSeconds(1))).hasSize(1);
    }

    @Test
    void anOrderPaidForAnOrderTheBusinessDoesNotHaveIsDeadLetteredAndInvoicesNothing() {
        UUID business = UUID.randomUUID();
        OrderPaid unknown = paid(business, UUID.randomUUID());

        PaidOrders.deliverAgain(unknown);

        assertThat(KafkaEvents.awaitCount(Checkouts.ORDERS + ".dlt", OrderPaid.class,
                e -> e.getEventId().equals(unknown.getEventId()), 1)).hasSize(1);
        assertThat(numbers(business)).isEmpty();
    }

    @Test
    void eachBusinessNumbersItsOwnInvoices() {
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();

        paidOrders.paidNow(first);
        awaitInvoices(first, 1);
        paidOrders.paidNow(second);
        paidOrders.paidNow(first);

        awaitInvoices(first, 2);
        awaitInvoices(second, 1);
        assertThat(numbers(first)).containsExactly("INV-" + YEAR + "-000001", "INV-" + YEAR + "-000002");
        assertThat(numbers(second)).containsExactly("INV-" + YEAR + "-000001");
    }

    @Test
    void twentyOrdersPaidAtOnceAreNumberedOneToTwentyWithoutGapsOrDuplicates() throws Exception {
        UUID business = UUID.randomUUID();
        ExecutorService threads = Executors.newFixedThreadPool(20);
        try {
            List<Future<UUID>> placed = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                placed.add(threads.submit(() -> paidOrders.paidNow(business)));
            }
            for (Future<UUID> f : placed) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }

        awaitInvoices(business, 20);
        assertThat(numbers(business)).containsExactlyElementsOf(expectedNumbers(20));
        assertThat(distinctInvoicedOrders(business)).isEqualTo(20);
        assertThat(receipts(business, 20)).hasSize(20);
    }

    @Test
    void concurrentIssuesForTheSameOrdersGiveOneNumberPerOrderInSequence() throws Exception {
        UUID business = UUID.randomUUID();
        List<UUID> unpaid = IntStream.range(0, 20).mapToObj(i -> unpaidOrder(business)).toList();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(40);
        try {
            List<Future<?>> issues = new ArrayList<>();
            for (UUID order : unpaid) {
                for (int twice = 0; twice < 2; twice++) {
                    issues.add(threads.submit(() -> {
                        start.await();
                        return TenantContext.callAs(business, () -> transaction.execute(s -> issuing.issue(paid(
                                business, order))));
                    }));
                }
            }
            start.countDown();
            for (Future<?> f : issues) {
                f.get();
            }
        } finally {
            threads.shutdown();
        }

        assertThat(numbers(business)).containsExactlyElementsOf(expectedNumbers(20));
        assertThat(distinctInvoicedOrders(business)).isEqualTo(20);
    }

    @Test
    void aRolledBackIssueGivesItsNumberBack() {
        UUID business = UUID.randomUUID();
        UUID rolledBack = unpaidOrder(business);
        UUID next = unpaidOrder(business);

        TenantContext.runAs(business, () -> transaction.executeWithoutResult(s -> {
            assertThat(issuing.issue(paid(business, rolledBack))).isPresent();
            s.setRollbackOnly();
        }));
        TenantContext.runAs(business, () -> transaction.executeWithoutResult(s -> issuing.issue(paid(business, next))));
        TenantContext.runAs(business, () -> transaction.executeWithoutResult(s -> issuing.issue(paid(business,
                rolledBack))));

        assertThat(numbers(business)).containsExactlyElementsOf(expectedNumbers(2));
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject("SELECT number FROM invoices WHERE "
                + "order_id = ?", String.class, next))).isEqualTo("INV-" + YEAR + "-000001");
    }

    private UUID unpaidOrder(UUID business) {
        return paidOrders.order(business, Instant.now(), null, "NGN",
                new PaidOrders.Line("SHIRT-L", "Linen shirt", 1, 2_500_000));
    }

    /** The OrderPaid the payments slice would publish for {@code order}. */
    private static OrderPaid paid(UUID business, UUID order) {
        UUID eventId = EventMetadata.newEventId();
        return OrderPaid.newBuilder().setEventId(eventId).setOccurredAt(Instant.now()).setBusinessId(business)
                .setCorrelationId(eventId.toString()).setOrderId(order).setConversationId(UUID.randomUUID())
                .setProvider("PAYSTACK").setReference("SLV-TEST").setAmountMinor(2_500_000).setCurrency("NGN")
                .setPaidAt(Instant.now()).build();
    }

    private List<OutboundMessageRequested> receipts(UUID business, int count) {
        return KafkaEvents.awaitCount(Checkouts.OUTBOUND, OutboundMessageRequested.class,
                e -> e.getBusinessId().equals(business) && "RECEIPT".equals(e.getPurpose()), count)
                .stream().map(r -> r.value()).toList();
    }

    private void awaitInvoices(UUID business, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> numbers(business).size() >= count);
    }

    private List<String> numbers(UUID business) {
        return TenantContext.callAs(business, () -> jdbc.queryForList("SELECT number FROM invoices WHERE "
                + "business_id = ? ORDER BY sequence", String.class, business));
    }

    private int distinctInvoicedOrders(UUID business) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject("SELECT count(DISTINCT order_id) FROM "
                + "invoices WHERE business_id = ?", Integer.class, business));
    }

    private static List<String> expectedNumbers(int count) {
        return IntStream.rangeClosed(1, count).mapToObj(i -> "INV-%s-%06d".formatted(YEAR, i)).toList();
    }

    private double count(String outcome) {
        var counter = meters.find(PaidOrdersListener.INVOICES).tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
