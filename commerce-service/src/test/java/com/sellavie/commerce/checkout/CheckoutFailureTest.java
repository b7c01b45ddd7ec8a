package com.sellavie.commerce.checkout;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static com.sellavie.commerce.support.Checkouts.checkout;
import static com.sellavie.commerce.support.Checkouts.item;
import static com.sellavie.commerce.support.Checkouts.product;
import static com.sellavie.commerce.support.Checkouts.publish;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Checkouts;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.commerce.support.Providers;
import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.KafkaEvents;
import com.sellavie.commerce.support.ProviderStubs;
import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.commerce.CheckoutLinkFailed;
import com.sellavie.events.messaging.OutboundMessageRequested;
import java.time.Duration;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** Providers failing: transient failures are retried off the consumer thread, refusals alert the team. */
@CommerceServiceTest
class CheckoutFailureTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aProviderErrorIsRetriedAndTheLinkCreatedOnce() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        String scenario = "paystack-500-" + customer.business();
        ProviderStubs.PAYSTACK.stubFor(Providers.paystackInitialize(secret).inScenario(scenario)
                .whenScenarioStateIs(STARTED).willReturn(Providers.serverError()).willSetStateTo("recovered"));
        ProviderStubs.PAYSTACK.stubFor(Providers.paystackInitialize(secret).inScenario(scenario)
                .whenScenarioStateIs("recovered").willReturn(Providers.paystackLink("after-retry")));

        publish(checkout(customer, item(sku, 2)));

        CheckoutLinkCreated link = Checkouts.linksCreated(customer.business(), 1).getFirst().value();
        assertThat(link.getCheckoutUrl()).isEqualTo("https://checkout.paystack.com/after-retry");
        assertThat(KafkaEvents.collect(Checkouts.OUTBOUND, OutboundMessageRequested.class,
                e -> e.getBusinessId().equals(customer.business()), Duration.ofSeconds(1))).singleElement()
                .satisfies(r -> assertThat(r.value().getPurpose()).isEqualTo("CHECKOUT_LINK"));
        ProviderStubs.PAYSTACK.verify(2, postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret)));
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, CheckoutLinkFailed.class,
                e -> e.getBusinessId().equals(customer.business()), Duration.ofMillis(300))).isEmpty();
    }

    @Test
    void anOrderCancelledWhileItsProviderIsDownIsNotRetried() {
        // Given an order whose provider answers 500, its link retried every 0.1-0.3 s (the tests' backoff)
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Providers.paystackInitialize(secret).willReturn(Providers.serverError()));
        publish(checkout(customer, item(sku, 1)));
        UUID order = Checkouts.placed(customer.business(), 1).getFirst().value().getOrderId();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> initializeCalls(secret) >= 2);

        // When the owner cancels it
        Api.Response cancelled = Api.asOwnerOf(port, customer.business()).post("/api/orders/" + order + "/cancel", "");
        int callsWhenCancelled = initializeCalls(secret);

        // Then it is cancelled, and the provider is called for it no more (one call in flight may still end)
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().get("status").asString()).isEqualTo("CANCELLED");
        Awaitility.await().during(Duration.ofMillis(1_500)).atMost(Duration.ofSeconds(3))
                .until(() -> initializeCalls(secret) <= callsWhenCancelled + 1);
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, CheckoutLinkFailed.class,
                e -> e.getOrderId().equals(order), Duration.ofMillis(300))).isEmpty();
    }

    private static int initializeCalls(String secret) {
        return ProviderStubs.PAYSTACK.findAll(postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret))).size();
    }

    @Test
    void aRefusedKeyAlertsTheTeamAndTellsTheCustomer() {
        Customer customer = Customer.of(UUID.randomUUID());
        String sku = Checkouts.sku("linen-shirt");
        product(port, customer.business(), sku, "Linen shirt", 2_500_000, "NGN", null, true);
        String secret = Providers.configure(port, customer.business(), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Providers.paystackInitialize(secret).willReturn(Providers.paystackInvalidKey()));

        publish(checkout(customer, item(sku, 2)));

        CheckoutLinkFailed failed = Checkouts.linksFailed(customer.business(), 1).getFirst().value();
        assertThat(failed.getReason()).isEqualTo("PROVIDER_REFUSED");
        assertThat(failed.getDetail()).contains("401").contains("Invalid key").doesNotContain(secret);
        assertThat(failed.getAttempts()).isEqualTo(1);
        OutboundMessageRequested message = Checkouts.messages(customer.business(), 1).getFirst().value();
        assertThat(message.getPurpose()).isEqualTo("CHECKOUT_FAILED");
        assertThat(message.getText()).isEqualTo("Sorry, I couldn't create a payment link for 2 x Linen shirt right "
                + "now. Someone from the team will follow up.");
        // and the order still waits for payment, its checkout marked failed for the team
        JsonNode order = Api.asOwnerOf(port, customer.business()).get("/api/orders/" + failed.getOrderId()).json();
        assertThat(order.get("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(order.get("checkoutStatus").asString()).isEqualTo("FAILED");
        assertThat(order.get("checkoutError").asString()).contains("Invalid key").doesNotContain(secret);
        ProviderStubs.PAYSTACK.verify(1, postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + secret)));
    }

    @Test
    void aProviderTimingOutDelaysNoOtherBusiness() {
        // Given a business whose provider hangs (longer than the read timeout, every time)
        Customer stuck = Customer.of(UUID.randomUUID());
        String stuckSku = Checkouts.sku("linen-shirt");
        product(port, stuck.business(), stuckSku, "Linen shirt", 2_500_000, "NGN", null, true);
        String stuckSecret = Providers.configure(port, stuck.business(), "PAYSTACK");
        ProviderStubs.PAYSTACK.stubFor(Providers.paystackInitialize(stuckSecret)
                .willReturn(Providers.paystackLink("late").withFixedDelay(4_000)));
        // and another business whose provider answers
        Customer other = Customer.of(UUID.randomUUID());
        String otherSku = Checkouts.sku("cap");
        product(port, other.business(), otherSku, "Cap", 300_000, "NGN", null, true);
        String otherSecret = Providers.configure(port, other.business(), "FLUTTERWAVE");
        ProviderStubs.FLUTTERWAVE.stubFor(Providers.flutterwavePayments(otherSecret)
                .willReturn(Providers.flutterwaveLink("prompt")));

        // When both customers check out, the stuck one first
        publish(checkout(stuck, item(stuckSku, 1)));
        Checkouts.placed(stuck.business(), 1);
        publish(checkout(other, item(otherSku, 1)));

        // Then the other business's link comes while the stuck provider is still timing out
        CheckoutLinkCreated otherLink = Checkouts.linksCreated(other.business(), 1).getFirst().value();
        assertThat(otherLink.getCheckoutUrl()).endsWith("flwlnk-prompt");
        assertThat(KafkaEvents.collect(Checkouts.ORDERS, CheckoutLinkCreated.class,
                e -> e.getBusinessId().equals(stuck.business()), Duration.ofMillis(200))).isEmpty();
        // and once the stuck provider answers in time, its retry creates the link
        ProviderStubs.PAYSTACK.stubFor(Providers.paystackInitialize(stuckSecret)
                .willReturn(Providers.paystackLink("recovered")));
        assertThat(Checkouts.linksCreated(stuck.business(), 1).getFirst().value().getCheckoutUrl())
                .endsWith("/recovered");
        assertThat(ProviderStubs.PAYSTACK.findAll(postRequestedFor(urlEqualTo("/transaction/initialize"))
                .withHeader("Authorization", equalTo("Bearer " + stuckSecret)))).hasSizeGreaterThan(1);
    }
}
