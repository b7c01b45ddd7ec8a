package com.sellavie.commerce.checkout;

import static com.sellavie.commerce.support.Checkouts.checkout;
import static com.sellavie.commerce.support.Checkouts.item;
import static com.sellavie.commerce.support.Checkouts.orderCount;
import static com.sellavie.commerce.support.Checkouts.product;
import static com.sellavie.commerce.support.Checkouts.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.Providers;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.CheckoutRejected;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.commerce.support.KafkaEvents;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** CHECKOUT actions that cannot become an order: no order, CheckoutRejected for the team, a polite word. */
@CommerceServiceTest
class CheckoutRejectionTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void unknownSkuMakesNoOrder() {
        Customer customer = Customer.of(UUID.randomUUID());

        Rejected rejected = reject(checkout(customer, item("no-such-sku", 1)));

        assertThat(rejected.event().getReason()).isEqualTo("UNKNOWN_SKU");
        assertThat(rejected.event().getDetail()).contains("no-such-sku");
        assertThat(rejected.message().getText()).startsWith("Sorry, I couldn't find one of the items")
                .contains("so I couldn't create a payment link").endsWith("Someone from the team will follow up.");
        assertThat(orderCount(jdbc, customer.business())).isZero();
    }

    @Test
    void anotherBusinesssSkuIsNoSkuOfThisOne() {
        // Given a sku that exists, but in another business's catalog
        Customer elsewhere = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("shirt");
        product(port, elsewhere.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        Customer customer = Customer.of(UUID.randomUUID());

        Rejected rejected = reject(checkout(customer, item(sku, 1)));

        assertThat(rejected.event().getReason()).isEqualTo("UNKNOWN_SKU");
        assertThat(orderCount(jdbc, customer.business())).isZero();
    }

    @Test
    void notEnoughStockMakesNoOrder() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", 0, true);

        Rejected rejected = reject(checkout(customer, item(sku, 2)));

        assertThat(rejected.event().getReason()).isEqualTo("OUT_OF_STOCK");
        assertThat(rejected.event().getDetail()).contains("2 asked, 0 in stock");
        assertThat(rejected.message().getText()).isEqualTo("Sorry, the Linen shirt is out of stock right now, so I "
                + "couldn't create a payment link. Someone from the team will follow up.");
        assertThat(orderCount(jdbc, customer.business())).isZero();
    }

    @Test
    void inactiveProductMakesNoOrder() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("scarf");
        product(port, customer.business(), sku, "Silk scarf", 900_000, "NGN", null, false);

        Rejected rejected = reject(checkout(customer, item(sku, 1)));

        assertThat(rejected.event().getReason()).isEqualTo("INACTIVE");
        assertThat(rejected.message().getText()).startsWith("Sorry, the Silk scarf isn't available right now");
    }

    @Test
    void quantityOverTheCapMakesNoOrder() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);

        Rejected rejected = reject(checkout(customer, item(sku, 11)));

        assertThat(rejected.event().getReason()).isEqualTo("QUANTITY_OVER_CAP");
        assertThat(rejected.event().getDetail()).contains("11 asked, at most 10");
        assertThat(rejected.message().getText()).contains("up to 10 of each item");
    }

    @Test
    void itemsInTwoCurrenciesMakeNoOrder() {
        Customer customer = Customer.of(UUID.randomUUID());
        String shirt = Checkouts.sku("shirt");
        String cap = Checkouts.sku("cap");
        product(port, customer.business(), shirt, "Linen shirt", 2_500_000, "NGN", null, true);
        product(port, customer.business(), cap, "Cap", 1_500, "USD", null, true);

        Rejected rejected = reject(checkout(customer, item(shirt, 1), item(cap, 1)));

        assertThat(rejected.event().getReason()).isEqualTo("MIXED_CURRENCIES");
    }

    @Test
    void aBusinessWithoutPaymentProviderGetsNoOrder() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);

        Rejected rejected = reject(checkout(customer, item(sku, 2)));

        assertThat(rejected.event().getReason()).isEqualTo("NO_PROVIDER");
        assertThat(rejected.message().getText()).isEqualTo("Sorry, online payment isn't set up for this shop yet, so "
                + "I couldn't create a payment link. Someone from the team will follow up.");
        assertThat(orderCount(jdbc, customer.business())).isZero();
    }

    private Rejected reject(ReplyGenerated reply) {
        publish(reply);
        UUID business = reply.getBusinessId();
        ConsumerRecord<String, CheckoutRejected> event = Checkouts.rejections(business, 1).getFirst();
        ConsumerRecord<String, OutboundMessageRequested> message = Checkouts.messages(business, 1).getFirst();
        assertThat(event.key()).isEqualTo(reply.getConversationId().toString());
        assertThat(event.value().getReplyEventId()).isEqualTo(reply.getEventId().toString());
        assertThat(message.key()).isEqualTo(reply.getConversationId().toString());
        assertThat(message.value().getPurpose()).isEqualTo("CHECKOUT_REJECTED");
        assertThat(message.value().getCausationId()).isEqualTo(reply.getEventId().toString());
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderPlaced.class, e -> e.getBusinessId().equals(business),
                Duration.ofMillis(300))).isEmpty();
        return new Rejected(event.value(), message.value());
    }

    private record Rejected(CheckoutRejected event, OutboundMessageRequested message) {
    }
}
