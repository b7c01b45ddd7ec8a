package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.Money;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

/**
 * Flutterwave Standard {@code POST /v3/payments} (PROVIDERS.md section 3): the amount in MAJOR units,
 * computed exactly from the minor units; tx_ref = our reference; {@code data.link} is the link.
 */
@Component
class FlutterwaveCheckout implements ProviderCheckout {

    private final RestClient http;
    private final CheckoutProperties properties;

    FlutterwaveCheckout(CheckoutProperties properties) {
        this.properties = properties;
        this.http = ProviderHttp.client(properties.flutterwaveUrl(), properties);
    }

    @Override
    public String provider() {
        return "FLUTTERWAVE";
    }

    @Override
    public CreatedCheckout create(CheckoutRequest request, String secretKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("tx_ref", request.reference());
        body.put("amount", Money.major(request.totalMinor(), request.currency()).toPlainString());
        body.put("currency", request.currency());
        body.put("redirect_url", properties.flutterwaveRedirectUrl());
        body.put("customer", Map.of("email", request.customerEmail()));
        body.put("meta", Map.of("order_id", request.orderId().toString()));
        Map<?, ?> answer = ProviderHttp.call(provider(), () -> http.post().uri("/v3/payments")
                .header("Authorization", "Bearer " + secretKey).contentType(MediaType.APPLICATION_JSON)
                .body(body).retrieve().body(Map.class));
        if (answer == null || !"success".equals(answer.get("status"))
                || !(answer.get("data") instanceof Map<?, ?> data) || !(data.get("link") instanceof String link)) {
            throw new ProviderRefusedException("FLUTTERWAVE answered without a link: "
                    + (answer == null ? "empty body" : ProviderHttp.shorten(String.valueOf(answer.get("message")))));
        }
        return new CreatedCheckout(link, request.reference());
    }
}
