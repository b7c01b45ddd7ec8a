package com.sellavie.commerce.payment.settings;

import static com.sellavie.commerce.payment.settings.Keys.PAYSTACK_LIVE_SECRET;
import static com.sellavie.commerce.payment.settings.Keys.PAYSTACK_TEST_SECRET;
import static com.sellavie.commerce.payment.settings.Keys.STRIPE_TEST_SECRET;
import static com.sellavie.commerce.payment.settings.Keys.STRIPE_WEBHOOK_SECRET;
import static com.sellavie.commerce.payment.settings.Keys.STRIPE_WEBHOOK_SECRET_ROLLED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.sellavie.commerce.support.Api;
import com.sellavie.commerce.support.CommerceServiceTest;
import com.sellavie.commerce.support.CommerceTestInfrastructure;
import com.sellavie.platform.tenancy.TenantContext;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

@CommerceServiceTest
class PaymentSettingsApiTest {

    private static final String PROVIDERS = "/api/payments/providers";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ProviderAccounts accounts;

    @Test
    void configuringAProviderStoresItsSecretEncryptedAndShowsItMaskedWithItsWebhookUrl() {
        // Given an owner
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);

        // When they configure Paystack
        Api.Response saved = owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", null));

        // Then the answer shows the key masked, the webhook URL and the first provider as the default
        assertThat(saved.status()).isEqualTo(201);
        JsonNode view = saved.json();
        assertThat(view.get("provider").asString()).isEqualTo("PAYSTACK");
        assertThat(view.get("secretKey").asString()).isEqualTo("sk_test_…4f2a");
        assertThat(view.get("publicKey").asString()).isEqualTo(Keys.PAYSTACK_TEST_PUBLIC);
        assertThat(view.get("webhookSecret").isNull()).isTrue();
        assertThat(view.get("mode").asString()).isEqualTo("TEST");
        assertThat(view.get("currency").asString()).isEqualTo("NGN");
        assertThat(view.get("isDefault").asBoolean()).isTrue();
        String endpointId = view.get("endpointId").asString();
        assertThat(endpointId).matches("pe_[0-9A-Za-z]{24}");
        assertThat(view.get("webhookUrl").asString())
                .isEqualTo(CommerceTestInfrastructure.PUBLIC_BASE_URL + "/webhooks/paystack/" + endpointId);
        assertThat(view.get("updatedAt").asString()).isNotBlank();
        assertThat(saved.body()).doesNotContain(PAYSTACK_TEST_SECRET);
        // and GET lists it the same way
        Api.Response listed = owner.get(PROVIDERS);
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json()).hasSize(1);
        assertThat(listed.json().get(0).get("secretKey").asString()).isEqualTo("sk_test_…4f2a");
        assertThat(listed.body()).doesNotContain(PAYSTACK_TEST_SECRET);
        // and the database holds ciphertext only
        Map<String, Object> row = TenantContext.callAs(business, () -> jdbc.queryForMap(
                "SELECT secret_key_ciphertext, secret_key_hint FROM payment_providers WHERE business_id = ?", business));
        String stored = new String((byte[]) row.get("secret_key_ciphertext"), StandardCharsets.ISO_8859_1);
        assertThat(stored).doesNotContain(PAYSTACK_TEST_SECRET).doesNotContain("sk_test_").doesNotContain("4f2a");
        assertThat(row.get("secret_key_hint")).isEqualTo("sk_test_…4f2a");
        // and checkout gets the decrypted account
        ProviderAccount account = accounts.defaultFor(business).orElseThrow();
        assertThat(account.provider()).isEqualTo(Provider.PAYSTACK);
        assertThat(account.secretKey()).isEqualTo(PAYSTACK_TEST_SECRET);
        assertThat(account.endpointId()).isEqualTo(endpointId);
        assertThat(account.toString()).doesNotContain(PAYSTACK_TEST_SECRET).contains("sk_test_…4f2a");
    }

    @Test
    void aLaterPutWithoutSecretsKeepsTheStoredOnesAndTheEndpointId() {
        UUID business = UUID.randomUUID();
        Api admin = Api.asMemberOf(port, business, "ADMIN");
        String endpointId = admin.put(PROVIDERS + "/STRIPE", Keys.stripe(STRIPE_TEST_SECRET, STRIPE_WEBHOOK_SECRET,
                null)).json().get("endpointId").asString();

        Api.Response updated = admin.put(PROVIDERS + "/STRIPE",
                "{\"secretKey\":null,\"mode\":\"TEST\",\"currency\":\"eur\"}");

        assertThat(updated.status()).isEqualTo(200);
        assertThat(updated.json().get("currency").asString()).isEqualTo("EUR");
        assertThat(updated.json().get("endpointId").asString()).isEqualTo(endpointId);
        assertThat(updated.json().get("secretKey").asString()).isEqualTo("sk_test_…9c1e");
        assertThat(updated.json().get("webhookSecret").asString()).isEqualTo("whsec_…77aa");
        assertThat(accounts.of(business, Provider.STRIPE).orElseThrow().secretKey()).isEqualTo(STRIPE_TEST_SECRET);
        assertThat(secrets(endpointId)).containsExactly(STRIPE_WEBHOOK_SECRET);
    }

    @Test
    void keysThatDoNotMatchTheProviderOrModeAreRefusedAndNothingIsStored() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);

        assertThat(errors(owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_TEST_SECRET, "LIVE", null))))
                .containsEntry("secretKey", "is a TEST key but mode is LIVE: send the LIVE key (sk_live_…) or set mode TEST")
                .containsKey("publicKey");
        assertThat(errors(owner.put(PROVIDERS + "/PAYSTACK", "{\"mode\":\"SANDBOX\",\"currency\":\"naira\","
                + "\"webhookSecret\":\"whatever-secret-value\"}")))
                .containsOnlyKeys("secretKey", "mode", "currency", "webhookSecret");
        assertThat(errors(owner.put(PROVIDERS + "/STRIPE", Keys.stripe("pk_test_notasecretkey0123456789", null, null))))
                .containsOnlyKeys("secretKey", "webhookSecret");
        assertThat(errors(owner.put(PROVIDERS + "/FLUTTERWAVE", "{\"secretKey\":\"" + PAYSTACK_TEST_SECRET
                + "\",\"webhookSecret\":\"short\",\"mode\":\"TEST\",\"currency\":\"NGN\","
                + "\"webhookSignatureScheme\":\"MD5\"}")))
                .containsOnlyKeys("secretKey", "webhookSecret", "webhookSignatureScheme");
        // the masked form sent back is not taken for a key
        assertThat(errors(owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack("sk_test_…4f2a", "TEST", null))))
                .containsOnlyKeys("secretKey");
        // no error message ever echoes a secret
        assertThat(owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_LIVE_SECRET, "TEST", null)).body())
                .doesNotContain(PAYSTACK_LIVE_SECRET);

        assertThat(owner.get(PROVIDERS).json()).isEmpty();
    }

    @Test
    void changingTheModeWithoutANewKeyIsRefusedWhenTheStoredKeyIsOfTheOtherMode() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", null));

        Api.Response refused = owner.put(PROVIDERS + "/PAYSTACK", "{\"mode\":\"LIVE\",\"currency\":\"NGN\"}");
        Api.Response live = owner.put(PROVIDERS + "/PAYSTACK", "{\"secretKey\":\"" + PAYSTACK_LIVE_SECRET
                + "\",\"mode\":\"LIVE\",\"currency\":\"NGN\"}");

        assertThat(errors(refused)).containsOnlyKeys("secretKey");
        assertThat(live.status()).isEqualTo(200);
        assertThat(live.json().get("secretKey").asString()).isEqualTo("sk_live_…9a0b");
        assertThat(live.json().get("mode").asString()).isEqualTo("LIVE");
        assertThat(live.json().get("publicKey").isNull()).isTrue();
    }

    @Test
    void thereIsAlwaysExactlyOneDefaultAndItMovesToTheProviderMadeDefault() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        owner.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", false));
        owner.put(PROVIDERS + "/FLUTTERWAVE", Keys.flutterwave(null));
        assertThat(defaults(owner)).containsExactly("PAYSTACK");

        owner.put(PROVIDERS + "/STRIPE", Keys.stripe(STRIPE_TEST_SECRET, STRIPE_WEBHOOK_SECRET, true));
        assertThat(defaults(owner)).containsExactly("STRIPE");
        assertThat(accounts.defaultFor(business).orElseThrow().provider()).isEqualTo(Provider.STRIPE);

        // false on the default does not leave the business without one
        owner.put(PROVIDERS + "/STRIPE", Keys.stripe(null, null, false));
        assertThat(defaults(owner)).containsExactly("STRIPE");
        owner.put(PROVIDERS + "/FLUTTERWAVE", "{\"mode\":\"TEST\",\"currency\":\"KES\",\"isDefault\":true}");
        assertThat(defaults(owner)).containsExactly("FLUTTERWAVE");
        assertThat(owner.get(PROVIDERS).json().valueStream().map(p -> p.get("provider").asString()).toList())
                .containsExactly("FLUTTERWAVE", "PAYSTACK", "STRIPE");
    }

    @Test
    void aRolledStripeWebhookSecretStaysValidFor24Hours() {
        UUID business = UUID.randomUUID();
        Api owner = Api.asOwnerOf(port, business);
        String endpointId = owner.put(PROVIDERS + "/STRIPE", Keys.stripe(STRIPE_TEST_SECRET, STRIPE_WEBHOOK_SECRET,
                null)).json().get("endpointId").asString();
        assertThat(secrets(endpointId)).containsExactly(STRIPE_WEBHOOK_SECRET);

        Api.Response rolled = owner.put(PROVIDERS + "/STRIPE", Keys.stripe(null, STRIPE_WEBHOOK_SECRET_ROLLED, null));

        assertThat(rolled.json().get("webhookSecret").asString()).isEqualTo("whsec_…bb99");
        assertThat(Instant.parse(rolled.json().get("previousWebhookSecretValidUntil").asString()))
                .isCloseTo(Instant.now().plus(24, ChronoUnit.HOURS), within(1, ChronoUnit.MINUTES));
        assertThat(secrets(endpointId)).containsExactly(STRIPE_WEBHOOK_SECRET_ROLLED, STRIPE_WEBHOOK_SECRET);
        // saving the same secret again is no rotation
        owner.put(PROVIDERS + "/STRIPE", Keys.stripe(null, STRIPE_WEBHOOK_SECRET_ROLLED, null));
        assertThat(secrets(endpointId)).containsExactly(STRIPE_WEBHOOK_SECRET_ROLLED, STRIPE_WEBHOOK_SECRET);
        // the previous secret is stored encrypted too
        byte[] previous = TenantContext.callAs(business, () -> jdbc.queryForObject(
                "SELECT previous_webhook_secret_ciphertext FROM payment_providers WHERE endpoint_id = ?", byte[].class,
                endpointId));
        assertThat(new String(previous, StandardCharsets.ISO_8859_1)).doesNotContain("whsec_");
    }

    @Test
    void agentsCannotSeeOrChangePaymentSettings() {
        UUID business = UUID.randomUUID();
        Api.asOwnerOf(port, business).put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", null));
        Api agent = Api.asMemberOf(port, business, "AGENT");

        assertThat(agent.get(PROVIDERS).status()).isEqualTo(403);
        Api.Response put = agent.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_LIVE_SECRET, "LIVE", null));
        assertThat(put.status()).isEqualTo(403);
        assertThat(put.contentType()).contains("application/problem+json");
        assertThat(accounts.defaultFor(business).orElseThrow().secretKey()).isEqualTo(PAYSTACK_TEST_SECRET);
        assertThat(Api.anonymous(port).get(PROVIDERS).status()).isEqualTo(401);
    }

    @Test
    void anotherBusinessNeverSeesNorChangesTheseSettings() {
        UUID mine = UUID.randomUUID();
        UUID theirs = UUID.randomUUID();
        String theirEndpoint = Api.asOwnerOf(port, theirs).put(PROVIDERS + "/PAYSTACK",
                Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", null)).json().get("endpointId").asString();
        Api me = Api.asOwnerOf(port, mine);

        assertThat(me.get(PROVIDERS).json()).isEmpty();
        Api.Response myOwn = me.put(PROVIDERS + "/PAYSTACK", Keys.paystack(PAYSTACK_LIVE_SECRET, "LIVE", null)
                .replace(Keys.PAYSTACK_TEST_PUBLIC, "pk_live_0a1b2c3d4e5f6a7b8c9d"));

        assertThat(myOwn.status()).isEqualTo(201);
        assertThat(myOwn.json().get("endpointId").asString()).isNotEqualTo(theirEndpoint);
        assertThat(accounts.defaultFor(theirs).orElseThrow().secretKey()).isEqualTo(PAYSTACK_TEST_SECRET);
        assertThat(accounts.defaultFor(mine).orElseThrow().secretKey()).isEqualTo(PAYSTACK_LIVE_SECRET);
        assertThat(accounts.defaultFor(UUID.randomUUID())).isEmpty();
    }

    @Test
    void anUnknownProviderIsNotFound() {
        Api.Response unknown = Api.asOwnerOf(port, UUID.randomUUID()).put(PROVIDERS + "/PAYPAL",
                Keys.paystack(PAYSTACK_TEST_SECRET, "TEST", null));

        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).contains("application/problem+json");
    }

    private List<String> secrets(String endpointId) {
        Api.Response endpoint = Api.asService(port).get("/internal/payment-endpoints/" + endpointId);
        assertThat(endpoint.status()).isEqualTo(200);
        return endpoint.json().get("secrets").valueStream().map(JsonNode::asString).toList();
    }

    private static Map<String, String> errors(Api.Response response) {
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).contains("application/problem+json");
        Map<String, String> errors = new java.util.LinkedHashMap<>();
        response.json().get("errors").properties().forEach(e -> errors.put(e.getKey(), e.getValue().asString()));
        return errors;
    }

    private static List<String> defaults(Api api) {
        return api.get(PROVIDERS).json().valueStream().filter(p -> p.get("isDefault").asBoolean())
                .map(p -> p.get("provider").asString()).toList();
    }
}
