package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.checkout.CheckoutProperties;
import com.sellavie.commerce.checkout.ProviderHttp;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Paystack {@code GET /transaction/verify/:reference} (PROVIDERS.md section 2), Bearer the business's
 * secret key: {@code data.status == "success"} with {@code data.amount} (subunit) and {@code data.currency}.
 */
@Component
class PaystackVerifier implements ProviderVerifier {

    private final RestClient http;

    PaystackVerifier(CheckoutProperties checkout, ReconcileProperties properties) {
        this.http = ProviderHttp.client(checkout.paystackUrl(), properties.connectTimeout(), properties.readTimeout());
    }

    @Override
    public String provider() {
        return "PAYSTACK";
    }

    @Override
    public Verification verify(String reference, String providerTransactionId, String secretKey) {
        Map<?, ?> answer = ProviderHttp.call(provider(), () -> http.get()
                .uri("/transaction/verify/{reference}", reference)
                .header("Authorization", "Bearer " + secretKey).retrieve().body(Map.class));
        if (answer == null || !Boolean.TRUE.equals(answer.get("status")) || !(answer.get("data") instanceof Map<?, ?> data)) {
            return Verification.refused("PAYSTACK verify answered: "
                    + (answer == null ? "empty body" : ProviderHttp.shorten(String.valueOf(answer.get("message")))));
        }
        String status = String.valueOf(data.get("status"));
        if (!"success".equals(status)) {
            return Verification.refused("PAYSTACK says the transaction is " + ProviderHttp.shorten(status));
        }
        Long amount = data.get("amount") instanceof Number n ? n.longValue() : null;
        String currency = data.get("currency") instanceof String c ? c.toUpperCase(Locale.ROOT) : null;
        return new Verification(true, data.get("reference") instanceof String r ? r : null, amount, currency, null);
    }
}
