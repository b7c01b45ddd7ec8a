package com.sellavie.commerce.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.sellavie.commerce.support.Checkouts.Customer;
import com.sellavie.events.commerce.CheckoutLinkCreated;
import com.sellavie.events.ingest.PaymentEventReceived;
import com.sellavie.platform.test.TestKafka;
import com.sellavie.platform.test.TestSchemaRegistry;
import com.sellavie.platform.test.UnansweredLookups;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import com.sellavie.schemas.serde.EventSerdeConfig;
import com.sellavie.schemas.serde.RegistryClients;
import io.apicurio.registry.serde.avro.AvroKafkaSerializer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Fixtures of the payment tests: verified notifications on ingest.payment-events as ingest publishes them
 * (PaymentEventReceived, normalised per provider like ingest's normalisers), orders with their link, and
 * the providers' verify endpoints stubbed per PROVIDERS.md (success and failure answers).
 */
public final class Payments {

    public static final String PAYMENT_EVENTS = Topics.INGEST_PAYMENT_EVENTS.name();

    private static final KafkaProducer<String, byte[]> PRODUCER = new KafkaProducer<>(Map.of(
            ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
            ProducerConfig.ACKS_CONFIG, "all"), new StringSerializer(), new ByteArraySerializer());
    private static final AvroKafkaSerializer<SpecificRecord> SERIALIZER = serializer();

    private Payments() {
    }

    /** An order of one NGN 25,000.00 item with its link made by {@code provider}; the business's secret key. */
    public record PlacedOrder(UUID id, String reference, String secret, Customer customer) {
    }

    public static PlacedOrder orderWithLink(int port, Customer customer, String provider) {
        return orderWithLink(port, customer, provider, Providers.configure(port, customer.business(), provider));
    }

    /** Another order of a business whose {@code provider} is already configured with {@code secret}. */
    public static PlacedOrder orderWithLink(int port, Customer customer, String provider, String secret) {
        String sku = Checkouts.sku("shirt");
        String currency = "STRIPE".equals(provider) ? "USD" : "NGN";
        Checkouts.product(port, customer.business(), sku, "Linen shirt", 2_500_000, currency, null, true);
        String marker = UUID.randomUUID().toString().replace("-", "");
        switch (provider) {
            case "PAYSTACK" -> Providers.paystackAnswers(secret, marker);
            case "FLUTTERWAVE" -> ProviderStubs.FLUTTERWAVE.stubFor(Providers.flutterwavePayments(secret)
                    .willReturn(Providers.flutterwaveLink(marker)));
            default -> ProviderStubs.STRIPE.stubFor(Providers.stripeSessions(secret)
                    .willReturn(Providers.stripeSession("cs_test_" + marker)));
        }
        Checkouts.publish(Checkouts.checkout(customer, Checkouts.item(sku, 1)));
        CheckoutLinkCreated link = KafkaEvents.awaitCount(Checkouts.ORDERS, CheckoutLinkCreated.class,
                e -> e.getCheckoutUrl().endsWith(marker), 1).getFirst().value();
        return new PlacedOrder(link.getOrderId(), link.getReference(), secret, customer);
    }

    /** Paystack charge.success as ingest normalises it (event id = type + transaction id). */
    public static PaymentEventReceived paystackChargeSuccess(UUID business, String reference, long transactionId,
            long amountMinor, String currency) {
        return event(business, "PAYSTACK", "charge.success:" + transactionId, "charge.success", "SUCCEEDED",
                reference, null, Long.toString(transactionId), amountMinor, currency);
    }

    /** Paystack refund.processed (reference = the refunded transaction's). */
    public static PaymentEventReceived paystackRefund(UUID business, String reference, long refundId,
            long amountMinor, String currency) {
        return event(business, "PAYSTACK", "refund.processed:" + refundId, "refund.processed", "REFUNDED",
                reference, null, null, amountMinor, currency);
    }

    /** Flutterwave v3 charge.completed, {@code status} successful or failed. */
    public static PaymentEventReceived flutterwaveCharge(UUID business, String txRef, long id, String status,
            long amountMinor, String currency) {
        return event(business, "FLUTTERWAVE", "charge.completed:" + id + ":" + status, "charge.completed",
                "successful".equals(status) ? "SUCCEEDED" : "FAILED", txRef, null, Long.toString(id), amountMinor,
                currency);
    }

    /** Stripe checkout.session.completed with payment_status paid. */
    public static PaymentEventReceived stripeSessionCompleted(UUID business, String sessionId, UUID orderId,
            long amountMinor, String currency) {
        return event(business, "STRIPE", "evt_" + UUID.randomUUID().toString().replace("-", ""),
                "checkout.session.completed", "SUCCEEDED", sessionId, orderId.toString(), "pi_" + sessionId,
                amountMinor, currency);
    }

    public static PaymentEventReceived event(UUID business, String provider, String providerEventId, String type,
            String status, String reference, String orderId, String transactionId, Long amountMinor,
            String currency) {
        UUID eventId = EventMetadata.newEventId();
        return PaymentEventReceived.newBuilder().setEventId(eventId).setOccurredAt(Instant.now())
                .setBusinessId(business).setCorrelationId(eventId.toString()).setCausationId(null)
                .setProvider(provider).setEndpointId("pe_test").setProviderEventId(providerEventId).setEventType(type)
                .setStatus(status).setReference(reference).setOrderId(orderId).setProviderTransactionId(transactionId)
                .setAmountMinor(amountMinor).setCurrency(currency).setLivemode(false).build();
    }

    /** The same notification delivered again by the provider: ingest publishes it as a new event. */
    public static PaymentEventReceived redelivered(PaymentEventReceived event) {
        UUID eventId = EventMetadata.newEventId();
        return PaymentEventReceived.newBuilder(event).setEventId(eventId).setCorrelationId(eventId.toString())
                .setOccurredAt(Instant.now()).build();
    }

    /** Publishes as ingest's relay does: key = the reference (else the provider event id), eventId and businessId headers. */
    public static void publish(PaymentEventReceived event) {
        byte[] value;
        synchronized (SERIALIZER) {
            value = UnansweredLookups.retried(() -> SERIALIZER.serialize(PAYMENT_EVENTS, event));
        }
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(PAYMENT_EVENTS,
                event.getReference() != null ? event.getReference() : event.getProviderEventId(), value);
        record.headers().add("eventId", event.getEventId().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("businessId", event.getBusinessId().toString().getBytes(StandardCharsets.UTF_8));
        try {
            PRODUCER.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish the payment event", e);
        }
    }

    public static MappingBuilder paystackVerify(String secret, String reference) {
        return get(urlEqualTo("/transaction/verify/" + reference))
                .withHeader("Authorization", equalTo("Bearer " + secret));
    }

    /** PROVIDERS.md section 2: {"status":true,"message":"Verification successful","data":{...}}. */
    public static ResponseDefinitionBuilder paystackVerified(String reference, long transactionId, String status,
            long amountMinor, String currency) {
        return okJson("{\"status\":true,\"message\":\"Verification successful\",\"data\":{\"id\":" + transactionId
                + ",\"domain\":\"test\",\"status\":\"" + status + "\",\"reference\":\"" + reference + "\",\"amount\":"
                + amountMinor + ",\"gateway_response\":\"Successful\",\"channel\":\"card\",\"currency\":\"" + currency
                + "\",\"metadata\":\"\",\"customer\":{\"email\":\"c@customers.sellavie.invalid\"}}}");
    }

    public static ResponseDefinitionBuilder paystackInvalidKey() {
        return aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":false,\"message\":\"Invalid key\"}");
    }

    public static ResponseDefinitionBuilder unavailable() {
        return aResponse().withStatus(503).withHeader("Content-Type", "application/json")
                .withBody("{\"status\":false,\"message\":\"Service unavailable\"}");
    }

    public static MappingBuilder flutterwaveVerify(String secret, long id) {
        return get(urlEqualTo("/v3/transactions/" + id + "/verify"))
                .withHeader("Authorization", equalTo("Bearer " + secret));
    }

    /** PROVIDERS.md section 3: status "success", data.status "successful", amount in MAJOR units, tx_ref. */
    public static ResponseDefinitionBuilder flutterwaveVerified(String txRef, long id, long amountMinor,
            String currency) {
        return flutterwaveVerifiedWithStatus(txRef, id, "successful", amountMinor, currency);
    }

    /** The transaction as Flutterwave reports it, {@code status} successful, failed, pending... */
    public static ResponseDefinitionBuilder flutterwaveVerifiedWithStatus(String txRef, long id, String status,
            long amountMinor, String currency) {
        String major = BigDecimal.valueOf(amountMinor, 2).toPlainString();
        return okJson("{\"status\":\"success\",\"message\":\"Transaction fetched successfully\",\"data\":{\"id\":" + id
                + ",\"tx_ref\":\"" + txRef + "\",\"flw_ref\":\"FLW-MOCK-" + id + "\",\"amount\":" + major
                + ",\"currency\":\"" + currency + "\",\"charged_amount\":" + major + ",\"app_fee\":1.4,"
                + "\"status\":\"" + status + "\",\"payment_type\":\"card\",\"customer\":{\"email\":\"c@x.invalid\"}}}");
    }

    private static AvroKafkaSerializer<SpecificRecord> serializer() {
        return RegistryClients.serializer(EventSerdeConfig.serializer(TestSchemaRegistry.baseUrl(), true));
    }
}
