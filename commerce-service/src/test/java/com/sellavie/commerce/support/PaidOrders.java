package com.sellavie.commerce.support;

import com.sellavie.commerce.order.Order;
import com.sellavie.commerce.order.OrderLine;
import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.events.commerce.OrderPaid;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Orders written through the {@link Order} aggregate and {@link OrderStore} as the payments slice does
 * (placed, link created, paid: their events go out through the outbox), and records published (or
 * delivered again) as the relay would.
 */
public final class PaidOrders {

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

    private final OrderStore store;
    private final Orders orders;
    private final TransactionTemplate transaction;

    public PaidOrders(OrderStore store, Orders orders, TransactionTemplate transaction) {
        this.store = store;
        this.orders = orders;
        this.transaction = transaction;
    }

    /** One line of {@code qty} x {@code name} at {@code unitPriceMinor}. */
    public record Line(String sku, String name, int qty, long unitPriceMinor) {
    }

    /** An order placed and given its link at {@code placedAt}, paid at {@code paidAt} (null: left unpaid). */
    public UUID order(UUID business, Instant placedAt, Instant paidAt, String currency, Line... lines) {
        List<OrderLine> orderLines = java.util.Arrays.stream(lines)
                .map(l -> new OrderLine(business, l.sku(), l.name(), l.qty(), l.unitPriceMinor())).toList();
        UUID id = EventMetadata.newEventId();
        Order order = Order.place(id, business, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID().toString(),
                id.toString(), orderLines, currency, "PAYSTACK", placedAt, Duration.ofHours(24));
        order.checkoutLinkCreated("https://checkout.paystack.com/" + id, order.reference(), placedAt, null);
        if (paidAt != null) {
            order.markPaid(paidAt, "txn-" + id, order.totalMinor(), currency, paidAt, null);
        }
        TenantContext.runAs(business, () -> transaction.executeWithoutResult(s -> store.save(order)));
        return id;
    }

    /** An order of one shirt line (NGN 25,000.00) paid now. */
    public UUID paidNow(UUID business) {
        return order(business, Instant.now(), Instant.now(), "NGN", new Line("SHIRT-L", "Linen shirt", 1, 2_500_000));
    }

    /** Marks an existing order paid now, as the payments slice does (OrderPaid through the outbox). */
    public void markPaid(UUID business, UUID orderId) {
        TenantContext.runAs(business, () -> transaction.executeWithoutResult(s -> {
            Order order = orders.findById(orderId).orElseThrow();
            order.markPaid(Instant.now(), "txn-" + orderId, order.totalMinor(), order.currency(), Instant.now(), null);
            store.save(order);
        }));
    }

    /** Delivers {@code event} to commerce.orders once more, with the relay's headers (same eventId). */
    public static void deliverAgain(OrderPaid event) {
        publish(Topics.COMMERCE_ORDERS.name(), event.getOrderId().toString(), event);
    }

    /** Publishes {@code event} as the relay would: key, and the eventId, eventType and businessId headers. */
    public static void publish(String topic, String key, SpecificRecord event) {
        byte[] value;
        synchronized (SERIALIZER) {
            value = UnansweredLookups.retried(() -> SERIALIZER.serialize(topic, event));
        }
        EventMetadata metadata = EventMetadata.of(event);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, value);
        record.headers().add("eventId", metadata.eventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", EventMetadata.eventType(event).getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", metadata.businessId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish " + EventMetadata.eventType(event), e);
        }
    }

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
    }
}
