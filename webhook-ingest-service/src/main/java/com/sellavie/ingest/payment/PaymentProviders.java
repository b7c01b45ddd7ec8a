package com.sellavie.ingest.payment;

import com.sellavie.ingest.payment.endpoint.PaymentProvider;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;

/** Each provider's signature rule and normaliser. */
final class PaymentProviders {

    private final Map<PaymentProvider, SignatureCheck> signatures = new EnumMap<>(PaymentProvider.class);
    private final Map<PaymentProvider, PaymentNormaliser> normalisers = new EnumMap<>(PaymentProvider.class);

    PaymentProviders(Clock clock) {
        signatures.put(PaymentProvider.PAYSTACK, new PaystackSignature());
        signatures.put(PaymentProvider.FLUTTERWAVE, new FlutterwaveSignature());
        signatures.put(PaymentProvider.STRIPE, new StripeSignature(clock));
        normalisers.put(PaymentProvider.PAYSTACK, new PaystackNormaliser());
        normalisers.put(PaymentProvider.FLUTTERWAVE, new FlutterwaveNormaliser());
        normalisers.put(PaymentProvider.STRIPE, new StripeNormaliser());
    }

    SignatureCheck signature(PaymentProvider provider) {
        return signatures.get(provider);
    }

    PaymentNormaliser normaliser(PaymentProvider provider) {
        return normalisers.get(provider);
    }
}
