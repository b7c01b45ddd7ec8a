package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.OrderLine;
import java.util.List;
import java.util.UUID;

/** Opens a hosted checkout with one payment provider. Called off the consumer thread, outside any transaction. */
interface ProviderCheckout {

    /** PAYSTACK, FLUTTERWAVE or STRIPE. */
    String provider();

    /**
     * @throws ProviderRefusedException    the provider said no for good (4xx other than 429): do not retry
     * @throws ProviderUnavailableException could not get an answer (timeout, connection, 429, 5xx, breaker open)
     */
    CreatedCheckout create(CheckoutRequest request, String secretKey);

    /**
     * What a checkout needs from the order.
     *
     * @param reference    "SLV-..." (the tx reference for Paystack and Flutterwave)
     * @param customerEmail a placeholder address for providers that require one
     */
    record CheckoutRequest(UUID orderId, String reference, List<OrderLine> lines, long totalMinor, String currency,
            String customerEmail) {
    }

    /** The link for the customer and the provider's reference of this payment. */
    record CreatedCheckout(String url, String reference) {
    }
}
