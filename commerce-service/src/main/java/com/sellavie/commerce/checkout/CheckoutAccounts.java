package com.sellavie.commerce.checkout;

import com.sellavie.commerce.payment.settings.Provider;
import com.sellavie.commerce.payment.settings.ProviderAccount;
import com.sellavie.commerce.payment.settings.ProviderAccounts;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** The payment provider accounts checkout uses (from payment settings), the secret key decrypted for the call. */
@Component
class CheckoutAccounts {

    private final ProviderAccounts accounts;

    CheckoutAccounts(ProviderAccounts accounts) {
        this.accounts = accounts;
    }

    /** The business's default provider; empty when none is configured. */
    Optional<CheckoutAccount> defaultFor(UUID businessId) {
        return accounts.defaultFor(businessId).map(CheckoutAccounts::of);
    }

    /** The business's account with that provider; empty when it is not configured (any more). */
    Optional<CheckoutAccount> of(UUID businessId, String provider) {
        return accounts.of(businessId, Provider.valueOf(provider)).map(CheckoutAccounts::of);
    }

    private static CheckoutAccount of(ProviderAccount account) {
        return new CheckoutAccount(account.provider().name(), account.secretKey(), account.currency());
    }

    /** {@link #toString()} never shows the secret key. */
    record CheckoutAccount(String provider, String secretKey, String currency) {

        @Override
        public String toString() {
            return "CheckoutAccount[provider=" + provider + ", currency=" + currency + "]";
        }
    }
}
