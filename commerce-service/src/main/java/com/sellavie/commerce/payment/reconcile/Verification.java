package com.sellavie.commerce.payment.reconcile;

/**
 * What the provider's verify endpoint said about a transaction, or why it could not confirm it.
 *
 * @param confirmed whether the provider says the transaction succeeded
 * @param reference the reference the provider gives for it (Paystack reference, Flutterwave tx_ref)
 * @param detail    for the team when not confirmed (the provider's own words, never a key)
 */
record Verification(boolean confirmed, String reference, Long amountMinor, String currency, String detail) {

    static Verification refused(String detail) {
        return new Verification(false, null, null, null, detail);
    }

    /** Whether it confirms exactly this payment: success, the reference, the amount and the currency. */
    boolean confirms(String expectedReference, long expectedAmountMinor, String expectedCurrency) {
        return confirmed && expectedReference != null && expectedReference.equals(reference)
                && amountMinor != null && amountMinor == expectedAmountMinor
                && expectedCurrency.equalsIgnoreCase(currency);
    }

    /** Why it does not confirm the payment, for the discrepancy's detail. */
    String disagreement(String expectedReference, long expectedAmountMinor, String expectedCurrency) {
        if (!confirmed) {
            return detail;
        }
        return "the provider reports " + reference + " " + amountMinor + " " + currency + ", expected "
                + expectedReference + " " + expectedAmountMinor + " " + expectedCurrency;
    }
}
