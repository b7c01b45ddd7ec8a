package com.sellavie.ai.catalog;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.sellavie.ai.knowledge.BusinessKnowledge.Product;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.IntegrationTest;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The handover of legacy products to commerce through the real OpenFeign client, resilience4j policy,
 * database and service token. commerce-service is another Sellavie service and cannot run inside this
 * module, so its internal endpoint ({@code POST /internal/catalog/legacy-import}, contracts.md) is a
 * WireMock stand-in answering as the contract says; everything on ai-service's side is real. The job
 * is run by hand here (its schedule is set to an hour).
 */
@SpringBootTest
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class LegacyCatalogHandoverTest {

    private static final String TOKEN = "test-service-token-0123456789";
    private static final String PATH = "/internal/catalog/legacy-import";

    @RegisterExtension
    static final WireMockExtension commerce = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    @DynamicPropertySource
    static void commerceStandIn(DynamicPropertyRegistry registry) {
        registry.add("sellavie.ai.commerce-url", commerce::baseUrl);
        registry.add("sellavie.internal.token", () -> TOKEN);
        registry.add("sellavie.ai.legacy-handover-interval", () -> "1h");
        registry.add("resilience4j.retry.instances.commerce-legacy-import.wait-duration", () -> "50ms");
    }

    @Autowired
    LegacyCatalogHandover handover;
    @Autowired
    Catalog catalog;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MeterRegistry meters;
    @Autowired
    CircuitBreakerRegistry breakers;

    private final List<UUID> businesses = new ArrayList<>();

    @Test
    void eachBusinesssProductsAreSentWithTheServiceTokenAndDeletedOnceCommerceTookThem() {
        // Given a business with two legacy products, still offered to its customers
        UUID business = businessWithLegacyProducts();
        assertThat(offered(business)).extracting(Product::sku).containsExactly("LINEN-SHIRT-M", "SILK-SCARF");
        commerce.stubFor(importOf(business).willReturn(okJson("{\"created\":2,\"skipped\":0}")));

        // When the handover runs
        handover.handOver();

        // Then commerce got them as the contract says, with the service token, and the rows are gone
        commerce.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withHeader("Authorization", equalTo("Bearer " + TOKEN))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"businessId": "%s", "products": [
                          {"sku": "LINEN-SHIRT-M", "name": "Linen Shirt", "description": "White, size M",
                           "priceMinor": 2500, "currency": "USD", "stock": null, "active": true},
                          {"sku": "SILK-SCARF", "name": "Silk Scarf", "description": null,
                           "priceMinor": 4000, "currency": "USD", "stock": 0, "active": true}]}
                        """.formatted(business))));
        assertThat(legacyRows(business)).isZero();
    }

    @Test
    void aFailingCommerceKeepsTheRowsRetriesAndHandsThemOverOnALaterRun(CapturedOutput output) {
        // Given commerce answers 503 for now
        UUID business = businessWithLegacyProducts();
        commerce.stubFor(importOf(business).willReturn(aResponse().withStatus(503)));
        double failedBefore = counter("failed");

        // When the handover runs
        handover.handOver();

        // Then the call was retried by the policy, the failure logged and counted, and the products kept and offered
        commerce.verify(3, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.businessId", equalTo(business.toString()))));
        assertThat(output).contains("Could not hand the legacy catalog of business " + business);
        assertThat(counter("failed")).isEqualTo(failedBefore + 1);
        assertThat(legacyRows(business)).isEqualTo(2);
        assertThat(offered(business)).hasSize(2);

        // When commerce is back and the next run comes
        commerce.stubFor(importOf(business).willReturn(okJson("{\"created\":2,\"skipped\":0}")));
        handover.handOver();

        // Then they are handed over
        assertThat(legacyRows(business)).isZero();
    }

    @Test
    void commerceRefusingTheListKeepsTheRowsWithoutRetrying(CapturedOutput output) {
        UUID business = businessWithLegacyProducts();
        commerce.stubFor(importOf(business).willReturn(aResponse().withStatus(400)
                .withHeader("Content-Type", "application/problem+json")
                .withBody("{\"status\":400,\"errors\":{\"products[1].priceMinor\":\"must be positive\"}}")));

        handover.handOver();

        commerce.verify(1, postRequestedFor(urlPathEqualTo(PATH))
                .withRequestBody(matchingJsonPath("$.businessId", equalTo(business.toString()))));
        assertThat(output).contains("commerce refused the legacy catalog of business " + business)
                .contains("products[1].priceMinor");
        assertThat(legacyRows(business)).isEqualTo(2);
    }

    @Test
    void aCommerceThatKeepsFailingOpensTheBreakerAndLaterRunsSendNothing(CapturedOutput output) {
        // Given commerce answering 503 to everything
        UUID business = businessWithLegacyProducts();
        commerce.stubFor(importOf(business).willReturn(aResponse().withStatus(503)));

        // When the handover runs three times
        handover.handOver();
        handover.handOver();
        handover.handOver();

        // Then the breaker opened after 5 failed calls (50 % of at least 5): the last run sent nothing
        commerce.verify(5, postRequestedFor(urlPathEqualTo(PATH)));
        assertThat(breakers.circuitBreaker(LegacyImport.POLICY).getState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(output).contains("CircuitBreaker 'commerce-legacy-import' is OPEN");
        assertThat(legacyRows(business)).isEqualTo(2);
    }

    @BeforeEach
    void closedBreaker() {
        // each test starts with a commerce the breaker trusts (the registry outlives a test)
        breakers.circuitBreaker(LegacyImport.POLICY).reset();
    }

    @AfterEach
    void removeWhatIsLeft() {
        businesses.forEach(business -> TenantContext.runAs(business,
                () -> jdbc.update("DELETE FROM legacy_products WHERE business_id = ?", business)));
    }

    private UUID businessWithLegacyProducts() {
        UUID business = UUID.randomUUID();
        businesses.add(business);
        TenantContext.runAs(business, () -> {
            jdbc.update("INSERT INTO legacy_products (business_id, sku, name, description, price_minor, currency, "
                    + "stock) VALUES (?, 'LINEN-SHIRT-M', 'Linen Shirt', 'White, size M', 2500, 'USD', NULL)", business);
            jdbc.update("INSERT INTO legacy_products (business_id, sku, name, price_minor, currency, stock) "
                    + "VALUES (?, 'SILK-SCARF', 'Silk Scarf', 4000, 'USD', 0)", business);
        });
        return business;
    }

    private static MappingBuilder importOf(UUID business) {
        return post(urlPathEqualTo(PATH)).withRequestBody(matchingJsonPath("$.businessId",
                equalTo(business.toString())));
    }

    private int legacyRows(UUID business) {
        return TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT count(*) FROM legacy_products WHERE business_id = ?", Integer.class, business));
    }

    private List<Product> offered(UUID business) {
        return TenantContext.callAs(business, () -> catalog.offered(business));
    }

    private double counter(String outcome) {
        var counter = meters.find("sellavie.ai.legacy_catalog.handovers").tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }
}
