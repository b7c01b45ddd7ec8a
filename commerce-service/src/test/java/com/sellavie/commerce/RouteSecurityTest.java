package com.sellavie.commerce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sellavie.commerce.order.OrderStore;
import com.sellavie.commerce.order.Orders;
import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.PaidOrders;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.platform.test.routes.ApiDocsCoverage;
import com.sellavie.platform.test.routes.RouteSecuritySuite;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Every route of the service, read from its handler mappings: role rules present and enforced (403 exactly
 * for the roles a rule refuses), 401 without a token, and another business's ids 404 without its data.
 * A new endpoint is covered by adding it to nothing; one with a new path variable needs a fixture below.
 */
@CommerceServiceTest
class RouteSecurityTest {

    private static final String BOUNDARY = "routesuite";

    @LocalServerPort
    int port;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    OrderStore store;
    @Autowired
    Orders orders;

    @Test
    void everyRouteEnforcesRoleAndTenant() {
        // Given tenant A with a product (through the API), a paid order of it and that order's invoice
        String tag = UUID.randomUUID().toString().substring(0, 8);
        UUID business = UUID.randomUUID();
        String sku = "ROUTES-" + tag;
        String productName = "Routes marker " + tag;
        assertThat(Api.asOwnerOf(port, business).post("/api/catalog/products", product(sku, productName)).status())
                .isEqualTo(201);
        UUID order = new PaidOrders(store, orders, transaction).order(business, Instant.now(), Instant.now(), "NGN",
                new PaidOrders.Line(sku, productName, 1, 2_500_000));
        UUID invoice = await().atMost(Duration.ofSeconds(60)).until(() -> TenantContext.callAs(business, () -> jdbc
                .queryForList("SELECT id FROM invoices WHERE order_id = ?", UUID.class, order)).stream().findFirst()
                .orElse(null), id -> id != null);

        // Then the suite over every route finds nothing
        RouteSecuritySuite.Report report = RouteSecuritySuite.of(context, port)
                .tenantA(business, productName)
                .variable("/api/orders", "id", order)
                .variable("/api/invoices", "id", invoice)
                // A sku and a provider name a business's own choice, not another business's resource.
                .sharedVariable("sku", "ROUTES-B-" + tag)
                .sharedVariable("provider", "PAYSTACK")
                .body("POST /api/catalog/products", product("ROUTES-B-" + tag, "Suite product"))
                .body("PUT /api/catalog/products/{*sku}", product("ROUTES-B-" + tag, "Suite product"))
                .body("POST /api/catalog/import [text/csv]", "text/csv", "sku,name,price,currency\nSUITE-CSV,Cap,10,NGN\n")
                .body("POST /api/catalog/import [multipart/form-data]", "multipart/form-data; boundary=" + BOUNDARY,
                        "--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"c.csv\"\r\n"
                                + "Content-Type: text/csv\r\n\r\nsku,name,price,currency\nSUITE-UP,Cap,10,NGN\n\r\n--"
                                + BOUNDARY + "--\r\n")
                .body("PUT /api/payments/providers/{provider}", "{\"secretKey\":\"sk_test_" + "0".repeat(40)
                        + "\",\"publicKey\":\"pk_test_" + "0".repeat(40) + "\",\"mode\":\"TEST\",\"currency\":\"NGN\"}")
                .verify();

        assertThat(report.apiRouteKeys()).contains("GET /api/orders/{id}", "GET /api/invoices/{id}/pdf");
    }

    /** The public API (every route but /internal and /ops) is in the OpenAPI document the gateway serves. */
    @Test
    void everyPublicRouteIsInTheApiDocs() {
        ApiDocsCoverage.Report report = ApiDocsCoverage.of(context, port).verify();

        assertThat(report.documented()).contains("GET /api/orders/{id}", "GET /api/invoices/{id}/pdf");
    }

    private static String product(String sku, String name) {
        return "{\"sku\":\"" + sku + "\",\"name\":\"" + name + "\",\"priceMinor\":2500000,\"currency\":\"NGN\","
                + "\"stock\":3,\"active\":true}";
    }
}
