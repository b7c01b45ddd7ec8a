package com.sellavie.commerce.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * WireMock servers standing in for Paystack, Flutterwave and Stripe (one each per test JVM, so one
 * provider can hang while another answers), and checkout timings short enough for tests. Registered
 * for every test context through META-INF/spring.factories.
 */
public class ProviderStubs implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final WireMockServer PAYSTACK = start();
    public static final WireMockServer FLUTTERWAVE = start();
    public static final WireMockServer STRIPE = start();

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("provider-stubs", Map.ofEntries(
                Map.entry("sellavie.commerce.checkout.paystack-url", PAYSTACK.baseUrl()),
                Map.entry("sellavie.commerce.checkout.flutterwave-url", FLUTTERWAVE.baseUrl()),
                Map.entry("sellavie.commerce.checkout.stripe-url", STRIPE.baseUrl()),
                Map.entry("sellavie.commerce.checkout.read-timeout", "1s"),
                Map.entry("sellavie.commerce.checkout.poll-interval", "50ms"),
                Map.entry("sellavie.commerce.checkout.retry-initial-interval", "100ms"),
                Map.entry("sellavie.commerce.checkout.retry-max-interval", "300ms"),
                Map.entry("sellavie.commerce.checkout.lease", "10s"),
                Map.entry("sellavie.commerce.orders.expiry-interval", "200ms"),
                Map.entry("sellavie.commerce.payments.reconcile.read-timeout", "1s"),
                Map.entry("sellavie.commerce.payments.reconcile.poll-interval", "50ms"),
                Map.entry("sellavie.commerce.payments.reconcile.retry-initial-interval", "100ms"),
                Map.entry("sellavie.commerce.payments.reconcile.retry-max-interval", "300ms"),
                Map.entry("sellavie.commerce.payments.reconcile.lease", "10s"),
                // Tests make providers fail on purpose, one business at a time: the breakers must not
                // open across tests (the breaker itself is resilience4j's, configured in application.yml).
                Map.entry("resilience4j.circuitbreaker.configs.provider.minimum-number-of-calls", "1000"),
                Map.entry("resilience4j.circuitbreaker.configs.provider.sliding-window-size", "1000"),
                Map.entry("sellavie.kafka.retry.initial-interval", "50ms"))));
    }

    private static WireMockServer start() {
        WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        server.start();
        Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        return server;
    }
}
