package com.sellavie.commerce.checkout;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Paystack {@code POST /transaction/initialize} (PROVIDERS.md section 2): amount in the subunit, our
 * reference, metadata.order_id; the answer's {@code data.authorization_url} is the link.
 */
@Component
class PaystackCheckout implements ProviderCheckout {

    private final RestClient http;
    private final CheckoutProperties properties;

    PaystackCheckout(CheckoutProperties properties) {
        this.properties = properties;
        this.http = ProviderHttp.client(properties.paystackUrl(), properties);
    }

    @Override
    public String provider() {
        return "PAYSTACK";
    }

    @Override
    public CreatedCheckout create(CheckoutRequest request, String secretKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("email", request.customerEmail());
        body.put("amount", request.totalMinor());
        body.put("currency", request.currency());
        body.put("reference", request.reference());
        body.put("metadata", Map.of("order_id", request.orderId().toString()));
        if (!properties.paystackCallbackUrl().isBlank()) {
            body.put("callback_url", properties.paystackCallbackUrl());
        }
        Map<?, ?> answer = ProviderHttp.call(provider(), () -> http.post().uri("/transaction/initialize")
                .header("Authorization", "Bearer " + secretKey).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Map.class));
        if (answer == null || !Boolean.TRUE.equals(answer.get("status"))
                || !(answer.get("data") instanceof Map<?, ?> data) || !(data.get("authorization_url") instanceof String url)) {
            throw new ProviderRefusedException("PAYSTACK answered without an authorization_url: "
                    + (answer == null ? "empty body" : ProviderHttp.shorten(String.valueOf(answer.get("message")))));
        }
        return new CreatedCheckout(url, request.reference());
    }
}
