package com.sellavie.commerce.checkout;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code sellavie.commerce.checkout.*}: guards on CHECKOUT actions, provider endpoints and the link
 * scheduler's timing.
 *
 * @param maxQuantity          most units of one sku per order
 * @param maxLines             most distinct skus per order
 * @param placeholderEmailDomain customers in DMs have no e-mail: providers that need one get c-<contact>@this
 * @param paystackUrl          Paystack API base
 * @param flutterwaveUrl       Flutterwave API base
 * @param stripeUrl            Stripe API base (stripe-java's api base)
 * @param paystackCallbackUrl  where Paystack sends the customer after paying; blank: Paystack's dashboard setting
 * @param flutterwaveRedirectUrl where Flutterwave sends the customer after paying
 * @param stripeSuccessUrl     Stripe Checkout's success_url
 * @param stripeCancelUrl      Stripe Checkout's cancel_url
 * @param connectTimeout       provider connect timeout
 * @param readTimeout          provider read timeout
 * @param workers              provider calls in flight at once per instance
 * @param lease                how long a claimed link creation belongs to this instance (longer than a call)
 * @param pollInterval         how often due links are looked for when nothing wakes the scheduler
 * @param retryInitialInterval first wait after a transient failure, doubling per attempt
 * @param retryMaxInterval     longest wait between attempts
 * @param retryHorizon         after this long since the order was placed, a provider still down means FAILED
 */
@ConfigurationProperties("sellavie.commerce.checkout")
public record CheckoutProperties(
        @DefaultValue("10") int maxQuantity,
        @DefaultValue("10") int maxLines,
        @DefaultValue("customers.sellavie.invalid") String placeholderEmailDomain,
        @DefaultValue("https://api.paystack.co") String paystackUrl,
        @DefaultValue("https://api.flutterwave.com") String flutterwaveUrl,
        @DefaultValue("https://api.stripe.com") String stripeUrl,
        @DefaultValue("") String paystackCallbackUrl,
        @DefaultValue("http://localhost:8080") String flutterwaveRedirectUrl,
        @DefaultValue("http://localhost:8080/checkout/complete") String stripeSuccessUrl,
        @DefaultValue("http://localhost:8080/checkout/cancelled") String stripeCancelUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("4") int workers,
        @DefaultValue("60s") Duration lease,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("2s") Duration retryInitialInterval,
        @DefaultValue("60s") Duration retryMaxInterval,
        @DefaultValue("15m") Duration retryHorizon) {

    /** Wait before attempt {@code attempts + 1}: initial x 2^(attempts-1), at most the max. */
    Duration backoffAfter(int attempts) {
        long millis = retryInitialInterval.toMillis();
        for (int i = 1; i < attempts && millis < retryMaxInterval.toMillis(); i++) {
            millis *= 2;
        }
        return Duration.ofMillis(Math.min(millis, retryMaxInterval.toMillis()));
    }
}
