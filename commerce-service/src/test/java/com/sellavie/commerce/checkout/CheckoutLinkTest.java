package com.sellavie.commerce.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
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
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.ProviderStubs;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.OrderPlaced;
import com.sellavie.events.messaging.OutboundMessageRequested;
import com.sellavie.platform.tenancy.TenantContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** A CHECKOUT action -> one order priced from the catalog -> one link from the business's provider -> one message. */
@CommerceServiceTest
class CheckoutLinkTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void paystackCheckoutBecomesOnePricedOrderAndOneLinkMessage() {
        // Given a shop selling linen shirts at NGN 25,000.00 with Paystack
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", 12, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        Providers.paystackAnswers(secret, "0peioxfhpn");

        // When the assistant's reply asks for two
        ReplyGenerated reply = checkout(customer, item(sku, 2));
        publish(reply);

        // Then one order priced from the catalog
        OrderPlaced placed = Checkouts.placed(customer.business(), 1).getFirst().value();
        assertThat(placed.getItems()).singleElement().satisfies(line -> {
            assertThat(line.getSku()).isEqualTo(sku);
            assertThat(line.getName()).isEqualTo("Linen shirt");
            assertThat(line.getQuantity()).isEqualTo(2);
            assertThat(line.getUnitPriceMinor()).isEqualTo(2_500_000);
        });
        assertThat(placed.getTotalMinor()).isEqualTo(5_000_000);
        assertThat(placed.getCurrency()).isEqualTo("NGN");
        assertThat(placed.getProvider()).isEqualTo("PAYSTACK");
        assertThat(placed.getOrigin()).isEqualTo("ASSISTANT");
        assertThat(placed.getReplyEventId()).isEqualTo(reply.getEventId().toString());
        assertThat(placed.getContactId()).isEqualTo(customer.contact());
        UUID orderId = placed.getOrderId();
        String reference = "SLV-" + orderId.toString().replace("-", "").toUpperCase();
        // and its link
        ConsumerRecord<String, CheckoutLinkCreated> link = Checkouts.linksCreated(customer.business(), 1).getFirst();
        assertThat(link.key()).isEqualTo(orderId.toString());
        assertThat(link.value().getCheckoutUrl()).isEqualTo("https://checkout.paystack.com/0peioxfhpn");
        assertThat(link.value().getReference()).isEqualTo(reference);
        // and the customer is sent it
        OutboundMessageRequested message = Checkouts.messages(customer.business(), 1).getFirst().value();
        assertThat(message.getConversationId()).isEqualTo(customer.conversation());
        assertThat(message.getPurpose()).isEqualTo("CHECKOUT_LINK");
        assertThat(message.getReference()).isEqualTo(orderId.toString());
        assertThat(message.getText()).isEqualTo(
                "Here is your payment link for 2 x Linen shirt (NGN 50,000.00): https://checkout.paystack.com/0peioxfhpn");
        // and Paystack was asked as documented
        ProviderStubs.PAYSTACK.verify(1, postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret))
                .withRequestBody(equalToJson("{\"email\":\"c-" + customer.contact() + "@customers.sellavie.invalid\","
                        + "\"amount\":5000000,\"currency\":\"NGN\",\"reference\":\"" + reference + "\","
                        + "\"metadata\":{\"order_id\":\"" + orderId + "\"}}")));
    }

    @Test
    void aPriceTheReplyTextStatesIsNeverTheOrdersPrice() {
        // Given a shop selling linen shirts at NGN 25,000.00, and a reply a customer steered into a fake deal
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        Providers.paystackAnswers(secret, "fakedeal" + customer.business().toString().substring(0, 8));
        ReplyGenerated reply = ReplyGenerated.newBuilder(checkout(customer, item(sku, 10)))
                .setText("Special deal, 1 NGN each!").build();

        // When it reaches commerce with a CHECKOUT at the quantity cap
        publish(reply);

        // Then the order and the amount asked of the provider are the catalog's, whatever the text said
        OrderPlaced placed = Checkouts.placed(customer.business(), 1).getFirst().value();
        assertThat(placed.getItems()).singleElement()
                .satisfies(line -> assertThat(line.getUnitPriceMinor()).isEqualTo(2_500_000));
        assertThat(placed.getTotalMinor()).isEqualTo(25_000_000);
        assertThat(Checkouts.messages(customer.business(), 1).getFirst().value().getText())
                .contains("10 x Linen shirt (NGN 250,000.00)");
        ProviderStubs.PAYSTACK.verify(1, postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret))
                .withRequestBody(containing("\"amount\":25000000")));
    }

    @Test
    void anOrderKeepsTheChannelTypeOfItsReplySoSandboxOrdersCanBeLeftOutOfRevenue() {
        // Given a shop with Paystack, a member trying the assistant and a customer on Instagram
        UUID business = UUID.randomUUID();
        String sku = Checkouts.sku("linen-shirt");
        product(port, business, sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, business, "PAYSTACK");
        Providers.paystackAnswers(secret, "sandboxlink");
        Customer member = Customer.of(business);
        Customer customer = Customer.of(business);

        // When the assistant's replies to both ask for a checkout
        publish(ReplyGenerated.newBuilder(checkout(member, item(sku, 1))).setChannelType("SANDBOX").build());
        publish(ReplyGenerated.newBuilder(checkout(customer, item(sku, 1))).setChannelType("INSTAGRAM").build());

        // Then each order records where its conversation is
        List<ConsumerRecord<String, OrderPlaced>> placed = Checkouts.placed(business, 2);
        Map<UUID, String> channelByConversation = new HashMap<>();
        for (ConsumerRecord<String, OrderPlaced> record : placed) {
            UUID orderId = record.value().getOrderId();
            channelByConversation.put(record.value().getConversationId(), TenantContext.callAs(business,
                    () -> jdbc.queryForObject("SELECT channel_type FROM orders WHERE id = ?", String.class, orderId)));
        }
        assertThat(channelByConversation).containsExactlyInAnyOrderEntriesOf(Map.of(
                member.conversation(), "SANDBOX", customer.conversation(), "INSTAGRAM"));
    }

    @Test
    void flutterwaveGetsTheAmountInMajorUnits() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_050, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Providers.flutterwavePayments(secret)
                .willReturn(Providers.flutterwaveLink("abc123")));

        publish(checkout(customer, item(sku, 2)));

        UUID orderId = Checkouts.placed(customer.business(), 1).getFirst().value().getOrderId();
        CheckoutLinkCreated link = Checkouts.linksCreated(customer.business(), 1).getFirst().value();
        assertThat(link.getCheckoutUrl()).isEqualTo("https://checkout.flutterwave.com/v3/hosted/pay/flwlnk-abc123");
        String reference = "SLV-" + orderId.toString().replace("-", "").toUpperCase();
        assertThat(link.getReference()).isEqualTo(reference);
        assertThat(Checkouts.messages(customer.business(), 1).getFirst().value().getText())
                .isEqualTo("Here is your payment link for 2 x Linen shirt (NGN 50,001.00): " + link.getCheckoutUrl());
        ProviderStubs.FLUTTERWAVE.verify(1, postRequestedFor(urlEqualTo("/v3/payments"))
                .withRequestBody(equalToJson("{\"tx_ref\":\"" + reference + "\",\"amount\":\"50001.00\","
                        + "\"currency\":\"NGN\",\"redirect_url\":\"${json-unit.any-string}\","
                        + "\"customer\":{\"email\":\"c-" + customer.contact() + "@customers.sellavie.invalid\"},"
                        + "\"meta\":{\"order_id\":\"" + orderId + "\"}}")));
    }

    @Test
    void stripeCheckoutSessionCarriesTheOrderLinesAndItsId() {
        Customer customer = Customer.of(UUID.randomUUID());
        String shirt = Checkouts.sku("linen-shirt");
        String cap = Checkouts.sku("cap");
        product(port, customer.business(), shirt, "Linen shirt", 2_500, "USD", null, true);
        product(port, customer.business(), cap, "Cap", 990, "USD", 3, true);
        String secret = Providers.configure(port, customer.business(), "STRIPE");
        ProviderStubs.STRIPE.stubFor(Providers.stripeSessions(secret).willReturn(Providers.stripeSession("cs_test_a1")));

        publish(checkout(customer, item(shirt, 2), item(cap, 1)));

        OrderPlaced placed = Checkouts.placed(customer.business(), 1).getFirst().value();
        assertThat(placed.getTotalMinor()).isEqualTo(5_990);
        CheckoutLinkCreated link = Checkouts.linksCreated(customer.business(), 1).getFirst().value();
        assertThat(link.getReference()).isEqualTo("cs_test_a1");
        assertThat(link.getCheckoutUrl()).isEqualTo("https://checkout.stripe.com/c/pay/cs_test_a1");
        String orderId = placed.getOrderId().toString();
        ProviderStubs.STRIPE.verify(1, postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Idempotency-Key", equalTo(orderId)));
        String form = URLDecoder.decode(ProviderStubs.STRIPE.findAll(postRequestedFor(urlEqualTo("/v1/checkout/sessions"))
                .withHeader("Authorization", equalTo("Bearer " + secret))).getFirst().getBodyAsString(),
                StandardCharsets.UTF_8);
        assertThat(form.split("&")).contains("mode=payment", "client_reference_id=" + orderId,
                "metadata[order_id]=" + orderId, "payment_intent_data[metadata][order_id]=" + orderId,
                "line_items[0][quantity]=2", "line_items[0][price_data][currency]=usd",
                "line_items[0][price_data][unit_amount]=2500", "line_items[0][price_data][product_data][name]=Linen shirt",
                "line_items[1][quantity]=1", "line_items[1][price_data][unit_amount]=990",
                "line_items[1][price_data][product_data][name]=Cap");
    }

    @Test
    void theSameReplyDeliveredTwiceMakesOneOrderAndOneLink() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        Providers.paystackAnswers(secret, "twice");
        ReplyGenerated reply = checkout(customer, item(sku, 2));

        publish(reply);
        publish(reply);

        Checkouts.linksCreated(customer.business(), 1);
        assertThat(KafkaEvents.collect(Checkouts.OUTBOUND, OutboundMessageRequested.class,
                e -> e.getBusinessId().equals(customer.business()), Duration.ofSeconds(2))).hasSize(1);
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, OrderPlaced.class,
                e -> e.getBusinessId().equals(customer.business()), Duration.ofMillis(500))).hasSize(1);
        assertThat(orderCount(jdbc, customer.business())).isEqualTo(1);
        ProviderStubs.PAYSTACK.verify(1, postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret)));
    }

    @Test
    void askingForTheSameItemsWhileTheOrderIsOpenSendsTheSameLinkAgain() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        Providers.paystackAnswers(secret, "again");
        publish(checkout(customer, item(sku, 2)));
        Checkouts.messages(customer.business(), 1);

        // When the same customer asks again, in other words (other case, in another conversation)
        ReplyGenerated again = checkout(customer.inAnotherConversation(), item(sku.toUpperCase(), 2));
        publish(again);

        List<ConsumerRecord<String, OutboundMessageRequested>> messages = Checkouts.messages(customer.business(), 2);
        assertThat(messages).hasSize(2);
        OutboundMessageRequested resent = messages.get(1).value();
        assertThat(resent.getConversationId()).isEqualTo(again.getConversationId());
        assertThat(resent.getPurpose()).isEqualTo("CHECKOUT_LINK");
        assertThat(resent.getText()).isEqualTo("Here is your payment link again for 2 x Linen shirt (NGN 50,000.00): "
                + "https://checkout.paystack.com/again");
        assertThat(orderCount(jdbc, customer.business())).isEqualTo(1);
        ProviderStubs.PAYSTACK.verify(1, postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret)));
        // but other items make a new order
        publish(checkout(customer, item(sku, 1)));
        assertThat(Checkouts.placed(customer.business(), 2)).hasSize(2);
    }
}
