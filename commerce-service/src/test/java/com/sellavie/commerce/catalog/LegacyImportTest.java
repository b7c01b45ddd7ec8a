package com.sellavie.commerce.catalog;

import static com.sellavie.commerce.catalog.Catalogs.product;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.platform.test.TestTokens;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CommerceServiceTest
class LegacyImportTest {

    private static final String PATH = "/internal/catalog/legacy-import";

    @LocalServerPort
    int port;

    @Test
    void aServiceHandsOverAProductListThatIsCreatedOnceAndSkippedAfterwards() {
        // Given a business that already has one of the skus
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.post("/api/catalog/products", product("TOTE", "Tote bag (edited)", 950_000, "NGN", null, true));
        Catalogs.upserts(business, 1);
        String body = legacy(business, product("TOTE", "Tote bag", 900_000, "NGN", null, true) + ","
                + product("SHIRT", "Linen shirt", 2_500_000, "NGN", 5, true));

        // When ai-service hands its list over
        Api.Response first = Api.asService(port).post(PATH, body);

        // Then the new sku is created, the existing one kept as the merchant edited it
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("created").asInt()).isEqualTo(1);
        assertThat(first.json().get("skipped").asInt()).isEqualTo(1);
        assertThat(owner.get("/api/catalog/products/SHIRT").json().get("priceMinor").asLong()).isEqualTo(2_500_000);
        assertThat(owner.get("/api/catalog/products/TOTE").json().get("name").asString()).isEqualTo("Tote bag (edited)");
        assertThat(Catalogs.upserts(business, 2)).extracting(e -> e.value().getSku()).contains("SHIRT");
        // and a repeat changes nothing
        Api.Response again = Api.asService(port).post(PATH, body);
        assertThat(again.json().get("created").asInt()).isZero();
        assertThat(again.json().get("skipped").asInt()).isEqualTo(2);
        assertThat(Catalogs.upsertsWithin(business, Duration.ofSeconds(2))).hasSize(2);
    }

    @Test
    void anyInvalidEntryRefusesTheWholeListWithIndexedFieldErrors() {
        UUID business = UUID.randomUUID();

        Api.Response refused = Api.asService(port).post(PATH, legacy(business,
                product("OK-1", "Fine", 100, "NGN", null, true) + ","
                        + product("OK-2", "Fine", 100, "NGN", null, true) + ","
                        + "{\"sku\":\"BAD\",\"name\":\"Bad\",\"priceMinor\":-1,\"currency\":\"NGN\"}"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).contains("application/problem+json");
        JsonNode errors = refused.json().get("errors");
        assertThat(errors.propertyNames()).containsExactly("products[2].priceMinor");
        assertThat(Api.asOwnerOf(port, business).get("/api/catalog/products").json()).isEmpty();
    }

    @Test
    void onlyTheServiceTokenOpensIt() {
        UUID business = UUID.randomUUID();
        String body = legacy(business, product("MUG", "Mug", 100, "NGN", null, true));

        assertThat(Api.anonymous(port).post(PATH, body).status()).isEqualTo(401);
        assertThat(Api.withAuthorization(port, "Bearer wrong-token-0123456789abcdef").post(PATH, body).status())
                .isEqualTo(401);
        assertThat(Api.withAuthorization(port, "Bearer " + TestTokens.ownerOf(business)).post(PATH, body).status())
                .isEqualTo(401);
        assertThat(Api.asOwnerOf(port, business).get("/api/catalog/products").json()).isEmpty();
    }

    private static String legacy(UUID business, String products) {
        return "{\"businessId\":\"" + business + "\",\"products\":[" + products + "]}";
    }
}
