package com.sellavie.commerce.checkout;

import com.sellavie.commerce.order.OrderLine;
import com.stripe.StripeClient;
import com.stripe.exception.ApiConnectionException;
import com.stripe.exception.StripeException;
import com.stripe.model.checkout.Session;
import com.stripe.net.RequestOptions;
import com.stripe.param.checkout.SessionCreateParams;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * A Stripe Checkout Session through stripe-java (PROVIDERS.md section 4): line items with price_data
 * from the order, client_reference_id and metadata = order id, Idempotency-Key = order id (a retried
 * call after a lost answer gets the same session). The session id is the provider reference.
 */
@Component
class StripeCheckout implements ProviderCheckout {

    private final CheckoutProperties properties;

    StripeCheckout(CheckoutProperties properties) {
        this.properties = properties;
    }

    @Override
    public String provider() {
        return "STRIPE";
    }

    @Override
    public CreatedCheckout create(CheckoutRequest request, String secretKey) {
        // One client per call: the key is the business's; the base URL lets tests and the local stack stand in.
        StripeClient client = StripeClient.builder().setApiKey(secretKey).setApiBase(properties.stripeUrl())
                .setConnectTimeout((int) properties.connectTimeout().toMillis())
                .setReadTimeout((int) properties.readTimeout().toMillis())
                // Retries are the scheduler's (due-time back-off), not the library's.
                .setMaxNetworkRetries(0).build();
        String orderId = request.orderId().toString();
        SessionCreateParams.Builder params = SessionCreateParams.builder()
                .setMode(SessionCreateParams.Mode.PAYMENT)
                .setSuccessUrl(properties.stripeSuccessUrl())
                .setCancelUrl(properties.stripeCancelUrl())
                .setClientReferenceId(orderId)
                .putMetadata("order_id", orderId)
                .setPaymentIntentData(SessionCreateParams.PaymentIntentData.builder()
                        .putMetadata("order_id", orderId).build());
        for (OrderLine line : request.lines()) {
            params.addLineItem(SessionCreateParams.LineItem.builder()
                    .setQuantity((long) line.quantity())
                    .setPriceData(SessionCreateParams.LineItem.PriceData.builder()
                            .setCurrency(request.currency().toLowerCase(Locale.ROOT))
                            .setUnitAmount(line.unitPriceMinor())
                            .setProductData(SessionCreateParams.LineItem.PriceData.ProductData.builder()
                                    .setName(line.name()).build())
                            .build())
                    .build());
        }
        RequestOptions options = RequestOptions.builder().setIdempotencyKey(orderId).build();
        Session session;
        try {
            session = client.v1().checkout().sessions().create(params.build(), options);
        } catch (ApiConnectionException e) {
            throw new ProviderUnavailableException("STRIPE could not be reached: " + ProviderHttp.rootMessage(e), e);
        } catch (StripeException e) {
            Integer status = e.getStatusCode();
            String message = "STRIPE answered " + status + ": " + ProviderHttp.shorten(
                    e.getStripeError() != null && e.getStripeError().getMessage() != null
                            ? e.getStripeError().getMessage() : e.getMessage());
            if (status == null || status == 429 || status >= 500) {
                throw new ProviderUnavailableException(message, e);
            }
            throw new ProviderRefusedException(message);
        }
        if (session.getUrl() == null || session.getId() == null) {
            throw new ProviderRefusedException("STRIPE answered a session without id or url");
        }
        return new CreatedCheckout(session.getUrl(), session.getId());
    }
}
