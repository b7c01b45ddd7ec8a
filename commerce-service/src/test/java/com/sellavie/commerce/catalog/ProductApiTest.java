package com.sellavie.commerce.catalog;

import static com.sellavie.commerce.catalog.Catalogs.linenShirt;
import static com.sellavie.commerce.catalog.Catalogs.product;
import static com.sellavie.commerce.catalog.Catalogs.sku;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.events.commerce.ProductRemoved;
import com.sellavie.events.commerce.ProductUpserted;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CommerceServiceTest
class ProductApiTest {

    @LocalServerPort
    int port;

    @Test
    void anOwnerCreatesAProductThatIsReadBackAndPublishedWhole() {
        // Given an owner
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String sku = sku("LINEN-SHIRT");

        // When they add a product
        Api.Response created = owner.post("/api/catalog/products", linenShirt(sku));

        // Then 201 with its location and whole state
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.location()).isEqualTo("/api/catalog/products/" + sku);
        JsonNode body = created.json();
        assertThat(body.get("sku").asString()).isEqualTo(sku);
        assertThat(body.get("name").asString()).isEqualTo("Linen shirt");
        assertThat(body.get("description").asString()).isEqualTo("Soft linen, breathable");
        assertThat(body.get("priceMinor").asLong()).isEqualTo(2_500_000);
        assertThat(body.get("currency").asString()).isEqualTo("NGN");
        assertThat(body.get("stock").asInt()).isEqualTo(12);
        assertThat(body.get("active").asBoolean()).isTrue();
        // and GET by sku (any case) answers the same
        Api.Response read = owner.get("/api/catalog/products/" + sku.toLowerCase());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json()).isEqualTo(body);
        // and ProductUpserted carries the whole state, keyed by the product id
        ConsumerRecord<String, ProductUpserted> event = Catalogs.upserts(business, 1).getFirst();
        ProductUpserted upserted = event.value();
        assertThat(event.key()).isEqualTo(upserted.getProductId().toString());
        assertThat(upserted.getSku()).isEqualTo(sku);
        assertThat(upserted.getName()).isEqualTo("Linen shirt");
        assertThat(upserted.getDescription()).isEqualTo("Soft linen, breathable");
        assertThat(upserted.getPriceMinor()).isEqualTo(2_500_000);
        assertThat(upserted.getCurrency()).isEqualTo("NGN");
        assertThat(upserted.getStock()).isEqualTo(12);
        assertThat(upserted.getActive()).isTrue();
    }

    @Test
    void putCreatesThenReplacesAndAPutThatChangesNothingPublishesNothing() {
        UUID business = UUID.randomUUID();
        Api admin = Api.asMemberOf(port, business, "ADMIN");
        String sku = sku("TOTE");

        Api.Response created = admin.put("/api/catalog/products/" + sku, product(sku, "Tote bag", 900_000, "NGN",
                null, true));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("stock").isNull()).isTrue();

        Api.Response replaced = admin.put("/api/catalog/products/" + sku,
                "{\"name\":\"Tote bag XL\",\"priceMinor\":1000000,\"currency\":\"ngn\",\"stock\":0,\"active\":false}");
        assertThat(replaced.status()).isEqualTo(200);
        assertThat(replaced.json().get("name").asString()).isEqualTo("Tote bag XL");
        assertThat(replaced.json().get("currency").asString()).isEqualTo("NGN");
        assertThat(replaced.json().get("stock").asInt()).isZero();
        assertThat(replaced.json().get("active").asBoolean()).isFalse();
        assertThat(replaced.json().get("description").isNull()).isTrue();

        Api.Response unchanged = admin.put("/api/catalog/products/" + sku,
                "{\"name\":\"Tote bag XL\",\"priceMinor\":1000000,\"currency\":\"NGN\",\"stock\":0,\"active\":false}");
        assertThat(unchanged.status()).isEqualTo(200);

        List<ConsumerRecord<String, ProductUpserted>> events = Catalogs.upserts(business, 2);
        assertThat(events).hasSize(2);
        assertThat(events.get(1).value().getName()).isEqualTo("Tote bag XL");
        assertThat(events.get(1).value().getStock()).isZero();
        assertThat(events.get(1).value().getActive()).isFalse();
        assertThat(events.get(0).key()).isEqualTo(events.get(1).key());
        assertThat(Catalogs.upsertsWithin(business, Duration.ofSeconds(2))).hasSize(2);
    }

    @Test
    void deletingAProductRemovesItAndPublishesProductRemoved() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String sku = sku("SCARF");
        owner.post("/api/catalog/products", linenShirt(sku));
        String productId = Catalogs.upserts(business, 1).getFirst().key();

        assertThat(owner.delete("/api/catalog/products/" + sku).status()).isEqualTo(204);

        assertThat(owner.get("/api/catalog/products/" + sku).status()).isEqualTo(404);
        assertThat(owner.delete("/api/catalog/products/" + sku).status()).isEqualTo(404);
        ConsumerRecord<String, ProductRemoved> removed = Catalogs.removals(business, 1).getFirst();
        assertThat(removed.key()).isEqualTo(productId);
        assertThat(removed.value().getSku()).isEqualTo(sku);
        // the sku is free again
        assertThat(owner.post("/api/catalog/products", linenShirt(sku)).status()).isEqualTo(201);
    }

    @Test
    void aSkuIsUniqueIgnoringCase() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String sku = sku("Shirt");
        assertThat(owner.post("/api/catalog/products", linenShirt(sku)).status()).isEqualTo(201);

        Api.Response duplicate = owner.post("/api/catalog/products", linenShirt(sku.toUpperCase()));

        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(duplicate.contentType()).contains("application/problem+json");
        assertThat(duplicate.json().get("errors").has("sku")).isTrue();
        assertThat(owner.get("/api/catalog/products").json()).hasSize(1);
    }

    @Test
    void invalidProductsAreRefusedWithEveryFieldAndNothingIsWrittenOrPublished() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);

        Api.Response refused = owner.post("/api/catalog/products", "{\"sku\":\"bad sku]]\",\"name\":\"\","
                + "\"description\":\"" + "x".repeat(2001) + "\",\"priceMinor\":2500.5,\"currency\":\"NAIRA\","
                + "\"stock\":-1}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.propertyNames()).containsExactlyInAnyOrder("sku", "name", "description", "priceMinor",
                "currency", "stock");
        Api.Response tooExpensive = owner.post("/api/catalog/products", product(sku("X"), "X", 1_000_000_000_001L,
                "NGN", null, true));
        assertThat(tooExpensive.status()).isEqualTo(400);
        assertThat(tooExpensive.json().get("errors").has("priceMinor")).isTrue();
        Api.Response wrongType = owner.post("/api/catalog/products", "{\"sku\":\"A1\",\"name\":\"A\","
                + "\"priceMinor\":\"cheap\",\"currency\":\"NGN\"}");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(wrongType.json().get("errors").has("priceMinor")).isTrue();
        Api.Response pathMismatch = owner.put("/api/catalog/products/" + sku("A"), linenShirt(sku("B")));
        assertThat(pathMismatch.status()).isEqualTo(400);
        assertThat(pathMismatch.json().get("errors").has("sku")).isTrue();

        assertThat(owner.get("/api/catalog/products").json()).isEmpty();
        assertThat(Catalogs.upsertsWithin(business, Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void anAgentReadsTheCatalogButCannotChangeIt() {
        UUID business = UUID.randomUUID();
        String sku = sku("CAP");
        Api.asOwnerOf(port, business).post("/api/catalog/products", linenShirt(sku));
        Api agent = Api.asMemberOf(port, business, "AGENT");

        assertThat(agent.get("/api/catalog/products").json()).hasSize(1);
        assertThat(agent.get("/api/catalog/products/" + sku).status()).isEqualTo(200);
        assertThat(agent.post("/api/catalog/products", linenShirt(sku("NEW"))).status()).isEqualTo(403);
        // 403 before validation: an agent learns nothing about the body's problems
        Api.Response invalid = agent.post("/api/catalog/products", "{}");
        assertThat(invalid.status()).isEqualTo(403);
        assertThat(invalid.body()).doesNotContain("errors");
        assertThat(agent.put("/api/catalog/products/" + sku, linenShirt(sku)).status()).isEqualTo(403);
        assertThat(agent.delete("/api/catalog/products/" + sku).status()).isEqualTo(403);
        assertThat(agent.get("/api/catalog/products").json()).hasSize(1);
    }

    @Test
    void anotherBusinesssProductsDoNotExistForThisOne() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String sku = sku("SECRET");
        Api.asOwnerOf(port, theirs).post("/api/catalog/products", linenShirt(sku));
        Api me = Api.asOwnerOf(port, mine);

        assertThat(me.get("/api/catalog/products/" + sku).status()).isEqualTo(404);
        assertThat(me.get("/api/catalog/products/" + sku).body()).doesNotContain("Linen shirt");
        assertThat(me.get("/api/catalog/products").json()).isEmpty();
        assertThat(me.get("/api/catalog/products?q=" + sku).json()).isEmpty();
        assertThat(me.delete("/api/catalog/products/" + sku).status()).isEqualTo(404);
        // the same sku is free in this business, and creating it leaves theirs untouched
        assertThat(me.put("/api/catalog/products/" + sku, product(sku, "Mine", 100, "USD", 1, true)).status())
                .isEqualTo(201);
        JsonNode theirsNow = Api.asOwnerOf(port, theirs).get("/api/catalog/products/" + sku).json();
        assertThat(theirsNow.get("name").asString()).isEqualTo("Linen shirt");
        assertThat(theirsNow.get("priceMinor").asLong()).isEqualTo(2_500_000);
    }

    @Test
    void theListIsSortedByNameAndFiltersBySearchTextAndActiveFlag() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.post("/api/catalog/products", product("SHIRT/L", "linen shirt", 100, "NGN", null, true));
        owner.post("/api/catalog/products", product("BAG-1", "Beach bag", 100, "NGN", null, false));
        owner.post("/api/catalog/products", product("HAT-1", "Sun hat", 100, "NGN", 0, true));

        assertThat(names(owner.get("/api/catalog/products"))).containsExactly("Beach bag", "linen shirt", "Sun hat");
        assertThat(names(owner.get("/api/catalog/products?q=SHIRT"))).containsExactly("linen shirt");
        assertThat(names(owner.get("/api/catalog/products?q=hat-"))).containsExactly("Sun hat");
        assertThat(names(owner.get("/api/catalog/products?q=%25"))).isEmpty();
        assertThat(names(owner.get("/api/catalog/products?active=false"))).containsExactly("Beach bag");
        assertThat(names(owner.get("/api/catalog/products?active=true&q=s"))).containsExactly("linen shirt", "Sun hat");
        // a sku with '/' is addressed by the rest of the path
        assertThat(owner.get("/api/catalog/products/SHIRT/L").json().get("name").asString()).isEqualTo("linen shirt");
    }

    @Test
    void withoutATokenTheCatalogIsClosed() {
        assertThat(Api.anonymous(port).get("/api/catalog/products").status()).isEqualTo(401);
        assertThat(Api.anonymous(port).post("/api/catalog/products", linenShirt("A")).status()).isEqualTo(401);
    }

    private static List<String> names(Api.Response response) {
        assertThat(response.status()).isEqualTo(200);
        return response.json().valueStream().map(p -> p.get("name").asString()).toList();
    }
}
