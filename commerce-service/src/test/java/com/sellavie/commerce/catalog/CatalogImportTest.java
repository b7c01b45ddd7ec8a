package com.sellavie.commerce.catalog;

import static com.sellavie.commerce.catalog.Catalogs.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.events.commerce.ProductUpserted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import io.micrometer.core.instrument.MeterRegistry;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CommerceServiceTest
class CatalogImportTest {

    @LocalServerPort
    int port;
    @Autowired
    MeterRegistry meters;

    @Test
    void aValidFileCreatesUpdatesAndKeepsProductsAndPublishesOnlyTheChanges() {
        // Given a catalog with two products
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.post("/api/catalog/products", product("TOTE", "Tote bag", 900_000, "NGN", null, true));
        owner.post("/api/catalog/products", product("CAP", "Cap", 150_000, "NGN", 3, true));
        Catalogs.upserts(business, 2);

        // When a file changes one, repeats the other and adds two
        Api.Response imported = csv(owner, """
                sku,name,description,price,currency,stock,active
                tote,Tote bag,Soft linen; breathable,9500,NGN,,
                CAP,Cap,"Soft linen, breathable",1500.00,ngn,3,true
                SHIRT-1,"Linen shirt, white","Made in Lagos; ""our"" best seller
                washes well",25000.5,NGN,12,yes
                YEN-1,Kimono,,3000,JPY,0,false
                """);

        // Then it answers what happened
        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(2);
        assertThat(imported.json().get("updated").asInt()).isEqualTo(1);
        assertThat(imported.json().get("unchanged").asInt()).isEqualTo(1);
        // prices converted exactly from major units, quoting honoured
        JsonNode shirt = owner.get("/api/catalog/products/SHIRT-1").json();
        assertThat(shirt.get("name").asString()).isEqualTo("Linen shirt, white");
        assertThat(shirt.get("description").asString()).isEqualTo("Made in Lagos; \"our\" best seller\nwashes well");
        assertThat(shirt.get("priceMinor").asLong()).isEqualTo(2_500_050);
        assertThat(shirt.get("stock").asInt()).isEqualTo(12);
        JsonNode kimono = owner.get("/api/catalog/products/YEN-1").json();
        assertThat(kimono.get("priceMinor").asLong()).isEqualTo(3000);
        assertThat(kimono.get("active").asBoolean()).isFalse();
        JsonNode tote = owner.get("/api/catalog/products/TOTE").json();
        assertThat(tote.get("priceMinor").asLong()).isEqualTo(950_000);
        assertThat(tote.get("stock").isNull()).isTrue();
        // one event per changed product: 2 before + 3 now
        List<ConsumerRecord<String, ProductUpserted>> events = Catalogs.upserts(business, 5);
        assertThat(events).hasSize(5);
        assertThat(events).extracting(e -> e.value().getSku())
                .containsExactlyInAnyOrder("TOTE", "CAP", "tote", "SHIRT-1", "YEN-1");
        assertThat(Catalogs.upsertsWithin(business, Duration.ofSeconds(2))).hasSize(5);
    }

    @Test
    void aFileWithBadLinesIsRefusedWholeListingEveryLineAndChangesNothing() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.post("/api/catalog/products", product("TOTE", "Tote bag", 900_000, "NGN", null, true));
        Catalogs.upserts(business, 1);
        double refusedBefore = refusedImports();

        Api.Response refused = csv(owner, """
                sku,name,price,currency,stock,active
                TOTE,Tote bag,1,NGN,,
                NEW-1,"A name
                over two lines",100.123,NGN,,
                bad sku,Hat,10,NGN,,

                NEW-2,Scarf,10,XYZ,-2,maybe
                NEW-3,Belt,10,NGN
                tote,Again,10,NGN,,
                """);

        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.contentType()).contains("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.valueStream().map(e -> e.get("line").asInt() + ":" + field(e)).toList()).containsExactly(
                "3:name", "3:price", "5:sku", "7:currency", "7:stock", "7:active", "8:", "9:sku");
        assertThat(errors.get(1).get("message").asString()).contains("2 decimals");
        assertThat(refusedImports()).isEqualTo(refusedBefore + 1);
        // nothing changed, nothing published
        assertThat(owner.get("/api/catalog/products").json()).hasSize(1);
        assertThat(owner.get("/api/catalog/products/TOTE").json().get("priceMinor").asLong()).isEqualTo(900_000);
        assertThat(Catalogs.upsertsWithin(business, Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void aHeaderRowIsRequiredAndBrokenQuotingIsReportedWithItsLine() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());

        JsonNode noHeader = csv(owner, "TOTE,Tote bag,10,NGN\n").json().get("errors");
        assertThat(noHeader.get(0).get("line").asInt()).isEqualTo(1);
        JsonNode missingColumn = csv(owner, "sku,name,currency\nTOTE,Tote,NGN\n").json().get("errors");
        assertThat(missingColumn.get(0).get("field").asString()).isEqualTo("price");
        Api.Response brokenQuote = csv(owner, "sku,name,price,currency\nA,Hat,10,NGN\nB,\"Scarf,10,NGN\n");
        assertThat(brokenQuote.status()).isEqualTo(422);
        assertThat(brokenQuote.json().get("errors").get(0).get("line").asInt()).isEqualTo(3);
        assertThat(owner.get("/api/catalog/products").json()).isEmpty();
    }

    @Test
    void aMultipartUploadOfTheFileWorksToo() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);

        Api.Response imported = owner.upload("/api/catalog/import", "file", "catalog.csv",
                "\uFEFFsku,name,price,currency\r\nMUG,Mug,2500,GHS\r\n".getBytes(StandardCharsets.UTF_8));

        assertThat(imported.status()).isEqualTo(200);
        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/catalog/products/MUG").json().get("priceMinor").asLong()).isEqualTo(250_000);
    }

    @Test
    void filesOverTheLimitsAreRefused() {
        Api owner = Api.asOwnerOf(port, UUID.randomUUID());
        StringBuilder big = new StringBuilder("sku,name,price,currency\n");
        while (big.length() <= 1024 * 1024) {
            big.append("A,").append("x".repeat(180)).append(",1,NGN\n");
        }
        assertThat(csv(owner, big.toString()).status()).isEqualTo(413);
        assertThat(owner.upload("/api/catalog/import", "file", "big.csv",
                big.toString().getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(413);

        StringBuilder many = new StringBuilder("sku,name,price,currency\n");
        for (int i = 0; i <= 5_000; i++) {
            many.append("P").append(i).append(",P,1,NGN\n");
        }
        Api.Response tooMany = csv(owner, many.toString());
        assertThat(tooMany.status()).isEqualTo(422);
        assertThat(tooMany.json().get("errors").get(0).get("line").asInt()).isEqualTo(5_002);
        assertThat(owner.get("/api/catalog/products").json()).isEmpty();
    }

    @Test
    void anImportNeverTouchesAnotherBusinesssProducts() {
        UUID theirs = UUID.randomUUID();
        Api.asOwnerOf(port, theirs).post("/api/catalog/products", product("TOTE", "Their tote", 900_000, "NGN", 1,
                true));
        Api me = Api.asOwnerOf(port, UUID.randomUUID());

        Api.Response imported = csv(me, "sku,name,price,currency\nTOTE,My tote,5,USD\n");

        assertThat(imported.json().get("created").asInt()).isEqualTo(1);
        JsonNode theirTote = Api.asOwnerOf(port, theirs).get("/api/catalog/products/TOTE").json();
        assertThat(theirTote.get("name").asString()).isEqualTo("Their tote");
        assertThat(theirTote.get("priceMinor").asLong()).isEqualTo(900_000);
    }

    @Test
    void anAgentCannotImport() {
        UUID business = UUID.randomUUID();
        Api agent = Api.asMemberOf(port, business, "AGENT");

        assertThat(csv(agent, "sku,name,price,currency\nMUG,Mug,1,NGN\n").status()).isEqualTo(403);
        assertThat(Api.asOwnerOf(port, business).get("/api/catalog/products").json()).isEmpty();
    }

    private double refusedImports() {
        return meters.counter("sellavie.commerce.catalog.imports", "outcome", "refused").count();
    }

    private static Api.Response csv(Api api, String body) {
        return api.send("/api/catalog/import", "POST", "text/csv", body.getBytes(StandardCharsets.UTF_8));
    }

    private static String field(JsonNode error) {
        return error.get("field") == null || error.get("field").isNull() ? "" : error.get("field").asString();
    }
}
