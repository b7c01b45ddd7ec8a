package com.sellavie.ingest.payment;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.ingest.TopicProbe;
import com.sellavie.ingest.payment.CommerceStub.Endpoint;
import com.sellavie.ingest.payment.endpoint.VerificationScheme;
import com.sellavie.schemas.Topics;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * How ingest asks commerce for an endpoint's secret: with the service token, cached, and behind a circuit breaker
 * that turns providers away (503, they retry) while commerce fails. commerce's internal endpoint is stood in for by
 * WireMock ({@link CommerceStub}), which can also fail on purpose; the real path is covered by system-tests.
 */
@PaymentWebhookTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CommerceLookupIntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    CircuitBreakerRegistry breakers;

    PaymentWebhookClient providers;

    @BeforeAll
    void client() {
        providers = new PaymentWebhookClient(port);
        CommerceStub.warmUp(providers);
    }

    /** The breaker is shared by every test of this JVM's context: each test starts and ends with it closed. */
    @BeforeEach
    @AfterEach
    void closeTheBreaker() {
        breaker().reset();
    }

    @Test
    void lookupCarriesTheServiceToken() {
        Endpoint endpoint = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_token_check_1");

        assertThat(post(endpoint, PaymentWebhooks.signedPayment(endpoint, reference(), null)).statusCode())
                .isEqualTo(200);

        CommerceStub.COMMERCE.verify(1, CommerceStub.lookupsOf(endpoint.id())
                .withHeader("Authorization", equalTo("Bearer " + CommerceStub.SERVICE_TOKEN)));
    }

    @Test
    void secondWebhookWithinTheCacheTimeMakesNoSecondLookup() {
        Endpoint endpoint = CommerceStub.register(VerificationScheme.STRIPE_SIGNATURE, "whsec_cache_check_1");
        String unknown = CommerceStub.unknown();

        try (TopicProbe events = TopicProbe.from(Topics.INGEST_PAYMENT_EVENTS.name())) {
            String first = reference();
            String second = reference();
            assertThat(post(endpoint, PaymentWebhooks.signedPayment(endpoint, first, null)).statusCode()).isEqualTo(200);
            assertThat(post(endpoint, PaymentWebhooks.signedPayment(endpoint, second, null)).statusCode())
                    .isEqualTo(200);

            events.await(r -> r.value() instanceof PaymentEventReceived e && second.equals(e.getReference()));
            assertThat(events.values(PaymentEventReceived.class)).extracting(PaymentEventReceived::getReference)
                    .contains(first, second);
        }
        assertThat(CommerceStub.lookupCount(endpoint.id())).isEqualTo(1);

        PaymentWebhooks.Signed any = PaymentWebhooks.signedPayment(endpoint, reference(), null);
        assertThat(providers.post("stripe", unknown, any).statusCode()).isEqualTo(404);
        assertThat(providers.post("stripe", unknown, any).statusCode()).isEqualTo(404);
        assertThat(CommerceStub.lookupCount(unknown)).isEqualTo(1);
    }

    @Test
    void commerceAnsweringAServerErrorMeansTryAgainLater() {
        Endpoint endpoint = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_failing_1");
        CommerceStub.answer(endpoint.id(), aResponse().withStatus(500));

        HttpResponse<String> response = post(endpoint, PaymentWebhooks.signedPayment(endpoint, reference(), null));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.headers().firstValue("Retry-After")).isPresent();
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
        // Not cached: once commerce answers again, the provider's retry goes through.
        CommerceStub.answerWith(endpoint);
        assertThat(post(endpoint, PaymentWebhooks.signedPayment(endpoint, reference(), null)).statusCode())
                .isEqualTo(200);
    }

    @Test
    void commerceSlowerThanTheReadTimeoutMeansTryAgainLater() {
        Endpoint endpoint = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_slow_1");
        CommerceStub.answer(endpoint.id(), aResponse().withStatus(200).withFixedDelay(5_000)
                .withHeader("Content-Type", "application/json").withBody("{}"));

        long started = System.nanoTime();
        HttpResponse<String> response = post(endpoint, PaymentWebhooks.signedPayment(endpoint, reference(), null));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat((System.nanoTime() - started) / 1_000_000)
                .as("answered after the 2 s read timeout, long before commerce's 5 s").isLessThan(4_500);
    }

    @Test
    void breakerOpensAfterTheConfiguredFailuresAndThenSparesCommerce() {
        int failuresToOpen = breaker().getCircuitBreakerConfig().getMinimumNumberOfCalls();
        assertThat(failuresToOpen).as("resilience4j.circuitbreaker.instances.commerce-endpoints").isEqualTo(5);
        Endpoint endpoint = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_breaker_1");
        CommerceStub.answer(endpoint.id(), aResponse().withStatus(502));

        for (int i = 0; i < failuresToOpen; i++) {
            assertThat(post(endpoint, PaymentWebhooks.signedPayment(endpoint, reference(), null)).statusCode())
                    .isEqualTo(503);
        }
        assertThat(breaker().getState()).isEqualTo(CircuitBreaker.State.OPEN);

        // Open: turned away at once, commerce is not asked again (for this endpoint or any other).
        Endpoint healthy = CommerceStub.register(VerificationScheme.PAYSTACK_HMAC_SHA512, "sk_test_breaker_2");
        assertThat(post(endpoint, PaymentWebhooks.signedPayment(endpoint, reference(), null)).statusCode())
                .isEqualTo(503);
        assertThat(post(healthy, PaymentWebhooks.signedPayment(healthy, reference(), null)).statusCode())
                .isEqualTo(503);
        assertThat(CommerceStub.lookupCount(endpoint.id())).isEqualTo(failuresToOpen);
        assertThat(CommerceStub.lookupCount(healthy.id())).isZero();
    }

    private CircuitBreaker breaker() {
        return breakers.circuitBreaker("commerce-endpoints");
    }

    private HttpResponse<String> post(Endpoint endpoint, PaymentWebhooks.Signed webhook) {
        return providers.post(endpoint.segment(), endpoint.id(), webhook);
    }

    private static String reference() {
        return PaymentWebhookIntegrationTest.reference();
    }
}
