package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.util.Currency;

/**
 * Stripe events (PROVIDERS.md §4), parsed only after the signature held. Checkout Session events carry the
 * session id Sellavie keeps as the order's reference; {@code charge.refunded} carries a Charge, which has no
 * session id: it is matched to its order by {@code metadata.order_id} (commerce copies the order id into the
 * payment intent's metadata, and Stripe copies that onto the charge).
 */
final class StripeNormaliser implements PaymentNormaliser {

    static final String SESSION_COMPLETED = "checkout.session.completed";
    static final String SESSION_ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String SESSION_ASYNC_FAILED = "checkout.session.async_payment_failed";
    static final String SESSION_EXPIRED = "checkout.session.expired";
    static final String CHARGE_REFUNDED = "charge.refunded";

    @Override
    public Normalised normalise(byte[] body) throws MalformedPaymentException {
        PaymentJson json = PaymentJson.parse(body);
        String eventId = json.requiredText("id");
        String type = json.requiredText("type");
        json.check();
        return switch (type) {
            // A completed session with a delayed method (bank debit) is not paid yet: async_payment_* follows.
            case SESSION_COMPLETED -> "paid".equals(json.optionalText("data.object.payment_status"))
                    ? session(json, eventId, type, PaymentStatus.SUCCEEDED) : Normalised.ignore(type);
            case SESSION_ASYNC_SUCCEEDED -> session(json, eventId, type, PaymentStatus.SUCCEEDED);
            case SESSION_ASYNC_FAILED, SESSION_EXPIRED -> session(json, eventId, type, PaymentStatus.FAILED);
            case CHARGE_REFUNDED -> refund(json, eventId, type);
            default -> Normalised.ignore(type);
        };
    }

    private static Normalised session(PaymentJson json, String eventId, String type, PaymentStatus status)
            throws MalformedPaymentException {
        String sessionId = json.requiredText("data.object.id");
        Long amount = json.optionalMinor("data.object.amount_total");
        Currency currency = json.optionalCurrency("data.object.currency");
        json.check();
        String orderId = json.optionalText("data.object.client_reference_id");
        return Normalised.publish(new PaymentNotification(PaymentProvider.STRIPE, eventId, type, status, sessionId,
                orderId != null ? orderId : json.optionalText("data.object.metadata.order_id"),
                json.optionalIdOrExpanded("data.object.payment_intent"), amount, PaymentJson.code(currency),
                json.optionalBoolean("livemode")));
    }

    private static Normalised refund(PaymentJson json, String eventId, String type) throws MalformedPaymentException {
        json.requiredText("data.object.id");
        Long refunded = json.optionalMinor("data.object.amount_refunded");
        Currency currency = json.optionalCurrency("data.object.currency");
        json.check();
        return Normalised.publish(new PaymentNotification(PaymentProvider.STRIPE, eventId, type,
                PaymentStatus.REFUNDED, null, json.optionalText("data.object.metadata.order_id"),
                json.optionalIdOrExpanded("data.object.payment_intent"), refunded, PaymentJson.code(currency),
                json.optionalBoolean("livemode")));
    }
}
