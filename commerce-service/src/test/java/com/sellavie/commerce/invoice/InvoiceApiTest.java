package com.sellavie.commerce.invoice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.PaidOrders;
import com.sellavie.commerce.support.PaidOrders.Line;
import com.sellavie.events.identity.BusinessRegistered;
import com.sellavie.events.identity.BusinessUpdated;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.TestTokens;
import com.sellavie.schemas.EventMetadata;
import com.sellavie.schemas.Topics;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** {@code /api/invoices}: any member reads the business's invoices and their PDF; other businesses see nothing. */
@CommerceServiceTest
class InvoiceApiTest {

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

    PaidOrders paidOrders;

    @BeforeEach
    void fixtures() {
        paidOrders = new PaidOrders(store, orders, transaction);
    }

    @Test
    void listsInvoicesNewestFirstPageByPage() {
        UUID business = UUID.randomUUID();
        for (int i = 0; i < 3; i++) {
            paidOrders.paidNow(business);
            awaitInvoices(business, i + 1);
        }
        Api agent = Api.asMemberOf(port, business, "AGENT");

        Api.Response first = agent.get("/api/invoices?limit=2");
        Api.Response rest = agent.get("/api/invoices?limit=2&before=" + first.json().get(1).get("id").asString());

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json()).extracting(i -> i.get("number").asString())
                .containsExactly("INV-" + YEAR + "-000003", "INV-" + YEAR + "-000002");
        assertThat(first.hasMore()).isTrue();
        assertThat(first.json().get(0).propertyNames())
                .containsExactlyInAnyOrder("id", "number", "orderId", "totalMinor", "currency", "issuedAt");
        assertThat(first.json().get(0).get("totalMinor").asLong()).isEqualTo(2_500_000);
        assertThat(first.json().get(0).get("currency").asString()).isEqualTo("NGN");
        assertThat(rest.json()).extracting(i -> i.get("number").asString()).containsExactly("INV-" + YEAR + "-000001");
        assertThat(rest.hasMore()).isFalse();
    }

    @Test
    void showsOneInvoiceWithItsItems() {
        UUID business = UUID.randomUUID();
        UUID order = paidOrders.order(business, Instant.now(), Instant.now(), "NGN",
                new Line("SHIRT-L", "Linen shirt", 2, 2_500_000), new Line("CAP", "Cap", 1, 500_000));
        UUID invoice = awaitInvoiceOf(business, order);

        JsonNode shown = Api.asMemberOf(port, business, "AGENT").get("/api/invoices/" + invoice).json();

        assertThat(shown.get("number").asString()).isEqualTo("INV-" + YEAR + "-000001");
        assertThat(shown.get("orderId").asString()).isEqualTo(order.toString());
        assertThat(shown.get("totalMinor").asLong()).isEqualTo(5_500_000);
        assertThat(shown.get("provider").asString()).isEqualTo("PAYSTACK");
        assertThat(shown.get("reference").asString()).startsWith("SLV-");
        assertThat(shown.get("items")).hasSize(2);
        assertThat(shown.get("items").get(0).get("sku").asString()).isEqualTo("SHIRT-L");
        assertThat(shown.get("items").get(0).get("name").asString()).isEqualTo("Linen shirt");
        assertThat(shown.get("items").get(0).get("qty").asInt()).isEqualTo(2);
        assertThat(shown.get("items").get(0).get("unitPriceMinor").asLong()).isEqualTo(2_500_000);
        assertThat(shown.has("businessName")).isFalse(); // commerce does not know business names
    }

    @Test
    void theBusinessNameIdentityAnnouncedIsOnTheInvoiceAndItsPdf() throws Exception {
        UUID business = UUID.randomUUID();
        UUID invoice = awaitInvoiceOf(business, paidOrders.paidNow(business));
        UUID eventId = EventMetadata.newEventId();
        PaidOrders.publish(Topics.IDENTITY_BUSINESSES.name(), business.toString(), BusinessRegistered.newBuilder()
                .setEventId(eventId).setOccurredAt(Instant.now()).setBusinessId(business)
                .setCorrelationId(eventId.toString()).setName("Ada's Linen House").setOwnerUserId(UUID.randomUUID())
                .build());
        Api agent = Api.asMemberOf(port, business, "AGENT");

        await().atMost(Duration.ofSeconds(30)).until(() -> agent.get("/api/invoices/" + invoice).json()
                .has("businessName"));

        assertThat(agent.get("/api/invoices/" + invoice).json().get("businessName").asString())
                .isEqualTo("Ada's Linen House");
        assertThat(text(download(business, invoice).body())).contains("Ada's Linen House");
    }

    @Test
    void aBusinessUpdatedRenamesTheInvoicesBusinessAppliedOnce() throws Exception {
        UUID business = UUID.randomUUID();
        UUID invoice = awaitInvoiceOf(business, paidOrders.paidNow(business));
        UUID registered = EventMetadata.newEventId();
        PaidOrders.publish(Topics.IDENTITY_BUSINESSES.name(), business.toString(), BusinessRegistered.newBuilder()
                .setEventId(registered).setOccurredAt(Instant.now()).setBusinessId(business)
                .setCorrelationId(registered.toString()).setName("Ada's Linen House").setOwnerUserId(UUID.randomUUID())
                .build());
        UUID updated = EventMetadata.newEventId();
        BusinessUpdated renamed = BusinessUpdated.newBuilder().setEventId(updated).setOccurredAt(Instant.now())
                .setBusinessId(business).setCorrelationId(updated.toString()).setName("Ada Linen Lagos")
                .setTimeZone("Africa/Lagos").setLanguage("en").setUpdatedByUserId(UUID.randomUUID()).build();
        PaidOrders.publish(Topics.IDENTITY_BUSINESSES.name(), business.toString(), renamed);
        PaidOrders.publish(Topics.IDENTITY_BUSINESSES.name(), business.toString(), renamed);
        Api agent = Api.asMemberOf(port, business, "AGENT");

        await().atMost(Duration.ofSeconds(30)).until(() -> "Ada Linen Lagos".equals(agent.get("/api/invoices/" + invoice)
                .json().path("businessName").asString("")));

        assertThat(text(download(business, invoice).body())).contains("Ada Linen Lagos");
        assertThat(jdbc.queryForObject("SELECT count(*) FROM inbox WHERE event_id = ?", Integer.class, updated))
                .isEqualTo(1);
    }

    @Test
    void thePdfIsARealPdfNamingTheNumberLinesAndTotal() throws Exception {
        UUID business = UUID.randomUUID();
        UUID order = paidOrders.order(business, Instant.now(), Instant.now(), "NGN",
                new Line("SHIRT-L", "Linen shirt", 2, 2_500_000), new Line("CAP", "Cap", 1, 500_000));
        UUID invoice = awaitInvoiceOf(business, order);

        HttpResponse<byte[]> pdf = download(business, invoice);

        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(pdf.headers().firstValue("Content-Disposition"))
                .hasValue("attachment; filename=\"INV-" + YEAR + "-000001.pdf\"");
        String text = text(pdf.body());
        assertThat(text).contains("Invoice INV-" + YEAR + "-000001", "Linen shirt", "SHIRT-L", "NGN 25,000.00",
                "NGN 50,000.00", "Cap", "NGN 5,000.00", "Total: NGN 55,000.00", "PAYSTACK", "SLV-");
    }

    @Test
    void pdfAmountsUseTheCurrencysOwnDigits() throws Exception {
        UUID business = UUID.randomUUID();
        UUID order = paidOrders.order(business, Instant.now(), Instant.now(), "JPY",
                new Line("TEA", "Green tea", 3, 1_500));
        UUID invoice = awaitInvoiceOf(business, order);

        String text = text(download(business, invoice).body());

        assertThat(text).contains("JPY 1,500", "Total: JPY 4,500").doesNotContain("JPY 4,500.00");
    }

    @Test
    void namesOutsideWindows1252PrintAsTheMerchantTypedThem() throws Exception {
        UUID business = UUID.randomUUID();
        UUID order = paidOrders.order(business, Instant.now(), Instant.now(), "NGN",
                new Line("ASO-OKE", "Aṣọ òkè gèlè", 1, 3_000_000), new Line("KOSZULA", "Koszula lniana żółta", 1,
                        1_000_000), new Line("RIGA", "Babbar riga ƙwarai", 1, 1_000_000));
        UUID invoice = awaitInvoiceOf(business, order);

        String text = text(download(business, invoice).body());

        assertThat(text).contains("Aṣọ òkè gèlè", "Koszula lniana żółta", "Babbar riga ƙwarai", "Total: NGN 50,000.00");
    }

    @Test
    void anotherBusinessSeesNoInvoiceAndNoPdf() throws Exception {
        UUID business = UUID.randomUUID();
        UUID invoice = awaitInvoiceOf(business, paidOrders.paidNow(business));
        UUID stranger = UUID.randomUUID();

        Api.Response read = Api.asOwnerOf(port, stranger).get("/api/invoices/" + invoice);
        HttpResponse<byte[]> pdf = download(stranger, invoice);
        Api.Response list = Api.asOwnerOf(port, stranger).get("/api/invoices");

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.contentType()).startsWith("application/problem+json");
        assertThat(read.body()).doesNotContain("INV-");
        assertThat(pdf.statusCode()).isEqualTo(404);
        assertThat(list.json()).isEmpty();
        assertThat(list.hasMore()).isFalse();
    }

    @Test
    void badListParametersAreRefusedWithTheirFields() {
        Api.Response refused = Api.asOwnerOf(port, UUID.randomUUID()).get("/api/invoices?limit=0&before=yesterday");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().get("errors").propertyNames()).containsExactlyInAnyOrder("before", "limit");
    }

    @Test
    void nobodyWithoutATokenReadsInvoices() {
        assertThat(Api.anonymous(port).get("/api/invoices").status()).isEqualTo(401);
    }

    private HttpResponse<byte[]> download(UUID business, UUID invoice) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/invoices/" + invoice
                + "/pdf")).header("Authorization", "Bearer " + TestTokens.accessToken(business, UUID.randomUUID(),
                "AGENT")).GET().build();
        try (HttpClient http = HttpClient.newHttpClient()) {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        }
    }

    private static String text(byte[] pdf) throws Exception {
        PdfReader reader = new PdfReader(pdf);
        try {
            StringBuilder text = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int page = 1; page <= reader.getNumberOfPages(); page++) {
                text.append(extractor.getTextFromPage(page)).append('\n');
            }
            return text.toString();
        } finally {
            reader.close();
        }
    }

    private UUID awaitInvoiceOf(UUID business, UUID order) {
        return await().atMost(Duration.ofSeconds(60)).until(() -> TenantContext.callAs(business, () -> jdbc
                .queryForList("SELECT id FROM invoices WHERE order_id = ?", UUID.class, order)).stream().findFirst()
                .orElse(null), id -> id != null);
    }

    private void awaitInvoices(UUID business, int count) {
        await().atMost(Duration.ofSeconds(60)).until(() -> TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM invoices WHERE business_id = ?", Integer.class, business)) >= count);
    }
}
