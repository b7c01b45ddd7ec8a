package com.sellavie.commerce.checkout;

import java.util.Optional;
import java.util.UUID;

/** The payment provider accounts checkout uses, with the secret key decrypted for the call. */
interface CheckoutAccounts {

    /** The business's default provider; empty when none is configured. */
    Optional<CheckoutAccount> defaultFor(UUID businessId);

    /** The business's account with that provider; empty when it is not configured (any more). */
    Optional<CheckoutAccount> of(UUID businessId, String provider);

    /** {@link #toString()} never shows the secret key. */
    record CheckoutAccount(String provider, String secretKey, String currency) {

        @Override
        public String toString() {
            return "CheckoutAccount[provider=" + provider + ", currency=" + currency + "]";
        }
    }
}
