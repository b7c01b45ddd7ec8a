package com.sellavie.commerce.payment.reconcile;

import com.sellavie.commerce.checkout.CheckoutProperties;
import com.sellavie.commerce.checkout.ProviderHttp;
import java.math.BigDecimal;
import java.util.Currency;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Flutterwave {@code GET /v3/transactions/{id}/verify} (or {@code verify_by_reference?tx_ref=} when the
 * notification named no transaction id; PROVIDERS.md section 3), Bearer the business's secret key:
 * {@code data.status == "successful"}, {@code data.tx_ref}, {@code data.amount} in MAJOR units
 * (converted exactly), {@code data.currency}.
 */
@Component
class FlutterwaveVerifier implements ProviderVerifier {

    private final RestClient http;

    FlutterwaveVerifier(CheckoutProperties checkout, ReconcileProperties properties) {
        this.http = ProviderHttp.client(checkout.flutterwaveUrl(), properties.connectTimeout(),
                properties.readTimeout());
    }

    @Override
    public String provider() {
        return "FLUTTERWAVE";
    }

    @Override
    public Verification verify(String reference, String providerTransactionId, String secretKey) {
        Map<?, ?> answer = ProviderHttp.call(provider(), () -> (providerTransactionId != null
                ? http.get().uri("/v3/transactions/{id}/verify", providerTransactionId)
                : http.get().uri(u -> u.path("/v3/transactions/verify_by_reference").queryParam("tx_ref", reference)
                        .build()))
                .header("Authorization", "Bearer " + secretKey).retrieve().body(Map.class));
        if (answer == null || !"success".equals(answer.get("status")) || !(answer.get("data") instanceof Map<?, ?> data)) {
            return Verification.refused("FLUTTERWAVE verify answered: "
                    + (answer == null ? "empty body" : ProviderHttp.shorten(String.valueOf(answer.get("message")))));
        }
        String status = String.valueOf(data.get("status"));
        if (!"successful".equals(status)) {
            return Verification.refused("FLUTTERWAVE says the transaction is " + ProviderHttp.shorten(status));
        }
        String currency = data.get("currency") instanceof String c ? c.toUpperCase(Locale.ROOT) : null;
        return new Verification(true, data.get("tx_ref") instanceof String r ? r : null,
                minor(data.get("amount"), currency), currency, null);
    }

    /** 50001.5 NGN -> 5000150; null when it is not an exact amount of that currency. */
    static Long minor(Object major, String currency) {
        if (!(major instanceof Number) && !(major instanceof String) || currency == null) {
            return null;
        }
        try {
            int digits = Math.max(Currency.getInstance(currency).getDefaultFractionDigits(), 0);
            return new BigDecimal(major.toString()).movePointRight(digits).longValueExact();
        } catch (ArithmeticException | IllegalArgumentException notExact) {
            return null;
        }
    }
}
