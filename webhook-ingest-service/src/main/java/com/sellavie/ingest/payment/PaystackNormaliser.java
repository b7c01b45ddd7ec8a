package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.util.Currency;

/**
 * Paystack events (PROVIDERS.md §2): {@code charge.success} -> SUCCEEDED, {@code refund.processed} -> REFUNDED.
 * Paystack has no event id, so the event is named by its type and the transaction (or refund) id; its
 * amounts are already in the subunit (kobo, pesewas, cents).
 */
final class PaystackNormaliser implements PaymentNormaliser {

    static final String CHARGE_SUCCESS = "charge.success";
    static final String REFUND_PROCESSED = "refund.processed";

    @Override
    public Normalised normalise(byte[] body) throws MalformedPaymentException {
        PaymentJson json = PaymentJson.parse(body);
        String event = json.requiredText("event");
        json.check();
        return switch (event) {
            case CHARGE_SUCCESS -> charge(json);
            case REFUND_PROCESSED -> refund(json);
            default -> Normalised.ignore(event);
        };
    }

    private static Normalised charge(PaymentJson json) throws MalformedPaymentException {
        String id = json.requiredId("data.id");
        String reference = json.requiredText("data.reference");
        Long amount = json.requiredMinor("data.amount");
        Currency currency = json.requiredCurrency("data.currency");
        json.check();
        return Normalised.publish(new PaymentNotification(PaymentProvider.PAYSTACK, CHARGE_SUCCESS + ":" + id,
                CHARGE_SUCCESS, PaymentStatus.SUCCEEDED, reference, json.optionalText("data.metadata.order_id"), id,
                amount, PaymentJson.code(currency), livemode(json)));
    }

    private static Normalised refund(PaymentJson json) throws MalformedPaymentException {
        String id = json.requiredId("data.id");
        String reference = json.requiredText("data.transaction_reference");
        Long amount = json.optionalMinor("data.amount");
        Currency currency = json.optionalCurrency("data.currency");
        json.check();
        return Normalised.publish(new PaymentNotification(PaymentProvider.PAYSTACK, REFUND_PROCESSED + ":" + id,
                REFUND_PROCESSED, PaymentStatus.REFUNDED, reference, json.optionalText("data.metadata.order_id"),
                null, amount, PaymentJson.code(currency), livemode(json)));
    }

    /** Paystack says {@code domain: "live"} or {@code "test"}. */
    private static Boolean livemode(PaymentJson json) {
        String domain = json.optionalText("data.domain");
        return domain == null ? null : "live".equals(domain);
    }
}
