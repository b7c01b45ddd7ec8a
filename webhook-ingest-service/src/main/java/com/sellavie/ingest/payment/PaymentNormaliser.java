package com.sellavie.ingest.payment;

/** One provider's verified body -> what Sellavie publishes about it. Runs only after the signature held. */
interface PaymentNormaliser {

    Normalised normalise(byte[] verifiedBody) throws MalformedPaymentException;
}
