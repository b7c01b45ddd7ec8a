package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.util.Currency;
import java.util.Locale;

/**
 * Flutterwave {@code charge.completed} (PROVIDERS.md §3), in both envelopes: v3 ({@code event}, {@code data.tx_ref},
 * {@code data.status} successful|failed, no event id) and v4 ({@code type}, {@code id} wbk_…, {@code data.reference},
 * {@code data.status} succeeded|failed). Amounts come in major units and are converted exactly.
 */
final class FlutterwaveNormaliser implements PaymentNormaliser {

    static final String CHARGE_COMPLETED = "charge.completed";

    @Override
    public Normalised normalise(byte[] body) throws MalformedPaymentException {
        PaymentJson json = PaymentJson.parse(body);
        return json.has("event") || !json.has("type") ? v3(json) : v4(json);
    }

    private static Normalised v3(PaymentJson json) throws MalformedPaymentException {
        String event = json.requiredText("event");
        json.check();
        if (!CHARGE_COMPLETED.equals(event)) {
            return Normalised.ignore(event);
        }
        String status = json.requiredText("data.status");
        String id = json.requiredId("data.id");
        String reference = json.requiredText("data.tx_ref");
        Currency currency = json.requiredCurrency("data.currency");
        Long amount = json.requiredMajorAsMinor("data.amount", currency);
        json.check();
        PaymentStatus outcome = switch (status.toLowerCase(Locale.ROOT)) {
            case "successful" -> PaymentStatus.SUCCEEDED;
            case "failed" -> PaymentStatus.FAILED;
            default -> null; // pending and the like: a later webhook says how it ended
        };
        if (outcome == null) {
            return Normalised.ignore(event);
        }
        // No event id in v3: the transaction and its outcome name the notification (a retry repeats all three).
        return Normalised.publish(new PaymentNotification(PaymentProvider.FLUTTERWAVE,
                CHARGE_COMPLETED + ":" + id + ":" + status, event, outcome, reference, null, id, amount,
                PaymentJson.code(currency), null));
    }

    private static Normalised v4(PaymentJson json) throws MalformedPaymentException {
        String type = json.requiredText("type");
        String eventId = json.requiredText("id");
        json.check();
        if (!CHARGE_COMPLETED.equals(type)) {
            return Normalised.ignore(type);
        }
        String status = json.requiredText("data.status");
        String id = json.requiredId("data.id");
        String reference = json.requiredText("data.reference");
        Currency currency = json.requiredCurrency("data.currency");
        Long amount = json.requiredMajorAsMinor("data.amount", currency);
        json.check();
        PaymentStatus outcome = switch (status.toLowerCase(Locale.ROOT)) {
            case "succeeded", "successful" -> PaymentStatus.SUCCEEDED;
            case "failed" -> PaymentStatus.FAILED;
            default -> null;
        };
        if (outcome == null) {
            return Normalised.ignore(type);
        }
        return Normalised.publish(new PaymentNotification(PaymentProvider.FLUTTERWAVE, eventId, type, outcome,
                reference, null, id, amount, PaymentJson.code(currency), null));
    }
}
