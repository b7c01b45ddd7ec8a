package com.sellavie.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.stripe.StripeClient;
import com.stripe.exception.AuthenticationException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.net.Webhook;
import com.stripe.param.checkout.SessionCreateParams;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The local stack's Stripe stand-in, driven by stripe-java as commerce-service drives Stripe. */
class SandboxPaymentsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET_KEY = "sk_test_demo0123456789";
    private static final String WEBHOOK_SECRET = "whsec_demo0123456789abcdef";

    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();
    private SandboxPayments sandbox;
    private HttpServer merchant;

    record Delivery(String signature, String body) {
    }

    @BeforeEach
    void start() throws Exception {
        sandbox = SandboxPayments.start(freePort());
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        merchant.createContext("/webhooks/stripe/pe_demo", exchange -> {
            try (exchange) {
                deliveries.add(new Delivery(exchange.getRequestHeaders().getFirst("Stripe-Signature"),
                        new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                exchange.sendResponseHeaders(200, -1);
            }
        });
        merchant.start();
        sandbox.register(SECRET_KEY, WEBHOOK_SECRET,
                URI.create("http://127.0.0.1:" + merchant.getAddress().getPort() + "/webhooks/stripe/pe_demo"));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        merchant.stop(0);
    }

    @Test
    void stripeJavaCreatesASessionWhoseLinkOpensAPayPage() throws Exception {
        Session session = createSession("order-1");

        assertThat(session.getId()).startsWith("cs_test_");
        assertThat(session.getAmountTotal()).isEqualTo(9000L);
        assertThat(session.getClientReferenceId()).isEqualTo("order-1");
        assertThat(session.getMetadata()).containsEntry("order_id", "order-1");
        HttpResponse<String> page = get(session.getUrl());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("EUR 90.00", ">Pay<", ">Decline<");
    }

    @Test
    void theSameIdempotencyKeyGetsTheSameSession() throws Exception {
        assertThat(createSession("order-2").getId()).isEqualTo(createSession("order-2").getId());
    }

    @Test
    void payingDeliversCheckoutSessionCompletedSignedAsStripeSigns() throws Exception {
        Session session = createSession("order-3");

        HttpResponse<String> paid = post(session.getUrl() + "/pay");

        assertThat(paid.body()).contains("Paid", "answered 200");
        assertThat(deliveries).hasSize(1);
        Delivery delivery = deliveries.getFirst();
        assertThat(Webhook.Signature.verifyHeader(delivery.body(), delivery.signature(), WEBHOOK_SECRET, 300)).isTrue();
        JsonNode event = JSON.readTree(delivery.body());
        assertThat(event.path("type").asText()).isEqualTo("checkout.session.completed");
        assertThat(event.path("id").asText()).startsWith("evt_");
        JsonNode object = event.path("data").path("object");
        assertThat(object.path("id").asText()).isEqualTo(session.getId());
        assertThat(object.path("payment_status").asText()).isEqualTo("paid");
        assertThat(object.path("client_reference_id").asText()).isEqualTo("order-3");
        assertThat(object.path("amount_total").asLong()).isEqualTo(9000);
        // A second click on a finished checkout delivers nothing more
        post(session.getUrl() + "/pay");
        assertThat(deliveries).hasSize(1);
    }

    @Test
    void decliningDeliversAFailedPayment() throws Exception {
        Session session = createSession("order-4");

        post(session.getUrl() + "/decline");

        JsonNode event = JSON.readTree(deliveries.getFirst().body());
        assertThat(event.path("type").asText()).isEqualTo("checkout.session.async_payment_failed");
        assertThat(event.path("data").path("object").path("payment_status").asText()).isEqualTo("unpaid");
    }

    @Test
    void aLiveOrUnknownKeyIsRefusedAndAnUnregisteredMerchantIsNotPaid() throws Exception {
        StripeClient live = new StripeClient.StripeClientBuilder().setApiKey("sk_live_nope")
                .setApiBase(sandbox.apiUrl()).setMaxNetworkRetries(0).build();
        assertThatThrownBy(() -> live.v1().checkout().sessions().create(params("x")))
                .isInstanceOf(AuthenticationException.class);

        StripeClient stranger = new StripeClient.StripeClientBuilder().setApiKey("sk_test_stranger")
                .setApiBase(sandbox.apiUrl()).build();
        Session session = stranger.v1().checkout().sessions().create(params("order-5"));
        assertThat(post(session.getUrl() + "/pay").body()).contains("No webhook is registered");
        assertThat(deliveries).isEmpty();
    }

    private Session createSession(String orderId) throws Exception {
        StripeClient client = new StripeClient.StripeClientBuilder().setApiKey(SECRET_KEY)
                .setApiBase(sandbox.apiUrl()).build();
        return client.v1().checkout().sessions().create(params(orderId),
                RequestOptions.builder().setIdempotencyKey(orderId).build());
    }

    private static SessionCreateParams params(String orderId) {
        return SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl("http://localhost:8080/paid")
                .setClientReferenceId(orderId)
                .putMetadata("order_id", orderId)
                .addLineItem(SessionCreateParams.LineItem.builder()
                        .setQuantity(2L)
                        .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                                .setCurrency("eur")
                                .setUnitAmount(4500L)
                                .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                        .setName("Linen shirt").build())
                                .build())
                        .build())
                .build();
    }

    private HttpResponse<String> get(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> post(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
