package com.sellavie.systemtests.journey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.sellavie.systemtests.journey.PersonalDataScan.Finding;
import com.sellavie.systemtests.stack.MetaGraphApi;
import com.sellavie.systemtests.stack.SellavieStack;
import com.sellavie.systemtests.stack.SellavieStackExtension;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Issue 9's privacy journey, from outside: a customer with a name, a handle, an email, a phone and a
 * Meta id writes to a shop, is answered, buys and pays; the owner exports everything about them (one
 * ZIP, every service's part), then erases them. Every service reports its part done, and then no
 * service's database holds any of their identifiers (a generic scan of every text-like column); the
 * shop's books keep the order and invoice with their amounts, another customer of the same shop keeps
 * everything, and the same erasure again finds nothing left to do.
 */
@ExtendWith(SellavieStackExtension.class)
class PrivacyJourneyIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);
    /** Every service answers over Kafka; identity assembles a finished export every 10 s. */
    private static final Duration PRIVACY_TIMEOUT = Duration.ofSeconds(120);
    private static final List<String> SERVICES = List.of("conversation-service", "commerce-service", "ai-service",
            "notification-service", "webhook-ingest-service", "identity-service");

    private static SellavieStack stack;
    private static MetaGraphApi meta;
    private static IngestRouting routing;
    private static ConsumerProgress progress;

    @BeforeAll
    static void connectTo(SellavieStack sellavie) {
        stack = sellavie;
        meta = sellavie.metaGraphApi();
        routing = new IngestRouting(sellavie.kafkaBootstrap());
        progress = new ConsumerProgress(sellavie.kafkaBootstrap());
    }

    @AfterAll
    static void disconnect() {
        routing.close();
        progress.close();
    }

    /** A customer whose every identifier is unique to this run, so a scan finds them and nobody else. */
    record Customer(String metaId, String name, String handle, String email, String phone, String marker) {

        static Customer of(Shop shop, String firstName) {
            String unique = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
            long digits = Math.abs(UUID.randomUUID().getLeastSignificantBits() % 10_000_000L);
            return new Customer(shop.newCustomer(), firstName + " Okafor" + unique, firstName.toLowerCase() + ".okafor."
                    + unique, firstName.toLowerCase() + "." + unique + "@example.net",
                    "+234803" + String.format("%07d", digits), "marker" + unique);
        }

        /** A DM carrying the unique marker, the email and the phone number. */
        String message() {
            return "Hello, this is " + marker + ". Please send the details to " + email + " or call " + phone
                    + ". Do you ship to Lagos?";
        }

        List<String> identifiers() {
            return List.of(metaId, name, handle, email, phone, marker);
        }
    }

    @Test
    void anExportHoldsEverythingAboutAContactAndTheirErasureLeavesNoTraceInAnyServicesDatabase() throws IOException {
        // Given a Stripe shop, and a customer (known to Meta by name and handle) who bought 2 shirts and paid
        Storefront store = Storefront.open(stack, routing, progress, "STRIPE", "EUR");
        Shop shop = store.shop();
        Gateway gateway = shop.gateway();
        String token = store.token();
        Customer ada = Customer.of(shop, "Ada");
        Customer bo = Customer.of(shop, "Bo");
        meta.instagramUserProfile(shop.channelToken(), ada.metaId(), ada.name(), ada.handle());
        meta.instagramUserProfile(shop.channelToken(), bo.metaId(), bo.name(), bo.handle());
        JsonNode order = store.orderTwoShirts(meta, ada.metaId());
        String orderId = order.path("id").asText();
        store.postWebhook(PaymentWebhooks.stripe(PaymentWebhooks.stripeSessionEvent("evt_" + PaymentJourneyIT.hex(),
                "checkout.session.completed", order.path("reference").asText(), orderId, 9000, "EUR", "paid"),
                store.webhookSecret())).expect(200);
        store.awaitOrderStatus(orderId, "PAID");
        JsonNode invoice = store.awaitInvoices(1).get(0);
        awaitSendApiCalls(ada.metaId(), 3);

        // And who then wrote their email and phone in a DM and was answered, as another customer did
        shop.deliver(shop.dm(ada.metaId(), ada.message()));
        awaitSendApiCalls(ada.metaId(), 4);
        shop.deliver(shop.dm(bo.metaId(), bo.message()));
        awaitSendApiCalls(bo.metaId(), 1);
        String contactId = shop.conversationWith(ada.metaId()).path("contact").path("id").asText();
        JsonNode contact = await("the contact's profile from Meta").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/contacts/" + contactId, token).expect(200).json(),
                        c -> ada.handle().equals(c.path("username").asText()));
        assertThat(contact.path("name").asText()).isEqualTo(ada.name());
        gateway.patchJson("/api/contacts/" + contactId, Map.of("notes", "Prefers " + ada.email()), token).expect(200);
        gateway.postJson("/api/contacts/" + contactId + "/consents", Map.of("purpose", "MARKETING", "status", "GRANTED",
                "source", "conversation"), token).expect(201);
        await("Bo's profile from Meta").atMost(TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get("/api/contacts/" + shop.conversationWith(bo.metaId()).path("contact")
                        .path("id").asText(), token).expect(200).json().path("username").asText(), bo.handle()::equals);
        PersonalDataScan scan = new PersonalDataScan(stack);
        assertThat(scan.find(ada.identifiers())).extracting(Finding::identifier).as("the scan finds each identifier "
                + "before the erasure").containsAll(ada.identifiers());

        // When the owner exports everything about the contact
        String exportId = gateway.postJson("/api/privacy/exports", Map.of("contactId", contactId), token).expect(202)
                .json().path("id").asText();
        awaitCompleted("/api/privacy/exports/" + exportId, token);
        Gateway.Download download = await("the export's archive").atMost(PRIVACY_TIMEOUT)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> gateway.download("/api/privacy/exports/" + exportId + "/archive", token),
                        d -> d.status() == 200);

        // Then the ZIP holds every service's part: the contact, their consent, messages, orders and invoice
        assertThat(download.contentType()).startsWith("application/zip");
        Map<String, JsonNode> files = unzip(download.body());
        assertThat(files).containsKey("manifest.json");
        for (String service : SERVICES) {
            assertThat(files).containsKey(service + ".json");
            assertThat(files.get(service + ".json").path("requestId").asText()).isEqualTo(exportId);
        }
        JsonNode conversation = files.get("conversation-service.json").path("data");
        assertThat(conversation.path("contacts")).singleElement().satisfies(c -> {
            assertThat(c.path("external_id").asText()).isEqualTo(ada.metaId());
            assertThat(c.path("name").asText()).isEqualTo(ada.name());
            assertThat(c.path("username").asText()).isEqualTo(ada.handle());
            assertThat(c.path("notes").asText()).contains(ada.email());
        });
        assertThat(conversation.path("consents").findValuesAsText("purpose")).containsExactly("MARKETING");
        assertThat(conversation.path("messages").findValuesAsText("text"))
                .contains("Hi! I'd like 2 linen shirts please", ada.message()).hasSizeGreaterThanOrEqualTo(6);
        assertThat(conversation.toString()).doesNotContain(bo.marker()).doesNotContain(bo.metaId());
        JsonNode commerce = files.get("commerce-service.json").path("data");
        assertThat(commerce.path("orders")).singleElement().satisfies(o -> {
            assertThat(o.path("id").asText()).isEqualTo(orderId);
            assertThat(o.path("status").asText()).isEqualTo("PAID");
            assertThat(o.path("total_minor").asLong()).isEqualTo(9000);
            assertThat(o.path("currency").asText()).isEqualTo("EUR");
        });
        assertThat(commerce.path("orderLines")).singleElement()
                .satisfies(line -> assertThat(line.path("quantity").asInt()).isEqualTo(2));
        assertThat(commerce.path("invoices").findValuesAsText("number")).containsExactly(invoice.path("number").asText());

        // When the owner erases the contact
        String erasureId = gateway.postJson("/api/privacy/erasures", Map.of("contactId", contactId), token).expect(202)
                .json().path("id").asText();
        JsonNode erased = awaitCompleted("/api/privacy/erasures/" + erasureId, token);

        // Then no service's database holds any of their identifiers
        assertThat(erased.path("services").findValuesAsText("service")).containsExactlyInAnyOrderElementsOf(SERVICES);
        assertThat(scan.find(ada.identifiers())).as("personal data left after the erasure").isEmpty();
        assertThat(shop.conversationWith(ada.metaId())).isNull();
        gateway.get("/api/contacts/" + contactId, token).expect(404);

        // And the books keep the order and its invoice, with their amounts, tied to nobody
        JsonNode kept = store.order(orderId);
        assertThat(kept.path("status").asText()).isEqualTo("PAID");
        assertThat(kept.path("totalMinor").asLong()).isEqualTo(9000);
        assertThat(kept.path("currency").asText()).isEqualTo("EUR");
        assertThat(kept.path("contactId").isMissingNode() || kept.path("contactId").isNull()).isTrue();
        assertThat(store.invoices()).singleElement().satisfies(i -> {
            assertThat(i.path("number").asText()).isEqualTo(invoice.path("number").asText());
            assertThat(i.path("totalMinor").asLong()).isEqualTo(9000);
        });

        // And the other customer keeps everything
        assertThat(shop.messagesWith(bo.metaId())).extracting(Replies::text).contains(bo.message());
        assertThat(scan.find(bo.identifiers())).extracting(Finding::identifier).containsAll(bo.identifiers());

        // When the same erasure is asked again, it completes and nothing was left to change
        String againId = gateway.postJson("/api/privacy/erasures", Map.of("contactId", contactId), token).expect(202)
                .json().path("id").asText();
        JsonNode again = awaitCompleted("/api/privacy/erasures/" + againId, token);
        assertThat(again.path("services").findValues("itemCount")).extracting(JsonNode::asInt).containsOnly(0);
        assertThat(scan.find(ada.identifiers())).isEmpty();
        assertThat(store.order(orderId).path("totalMinor").asLong()).isEqualTo(9000);
        assertThat(shop.messagesWith(bo.metaId())).extracting(Replies::text).contains(bo.message());
    }

    private static void awaitSendApiCalls(String customer, int count) {
        await(count + " Send API call(s) to " + customer).atMost(TIMEOUT).pollInterval(Duration.ofMillis(300))
                .until(() -> meta.sendApiCallsTo(customer), calls -> calls.size() >= count);
    }

    /** Waits until the request is COMPLETED with every service DONE; a FAILED one fails at once. */
    private static JsonNode awaitCompleted(String path, String token) {
        Gateway gateway = new Gateway(stack.gatewayUrl());
        JsonNode request = await(path + " completed").atMost(PRIVACY_TIMEOUT).pollInterval(Duration.ofMillis(500))
                .until(() -> gateway.get(path, token).expect(200).json(), r -> {
                    assertThat(r.path("status").asText()).as(r.toString()).isNotEqualTo("FAILED");
                    return "COMPLETED".equals(r.path("status").asText());
                });
        assertThat(request.path("services").findValuesAsText("status")).as(request.toString()).containsOnly("DONE")
                .hasSize(SERVICES.size());
        return request;
    }

    private static Map<String, JsonNode> unzip(byte[] zip) throws IOException {
        Map<String, JsonNode> files = new LinkedHashMap<>();
        try (ZipInputStream entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                files.put(entry.getName(), Gateway.JSON.readTree(entries.readAllBytes()));
            }
        }
        return files;
    }
}
