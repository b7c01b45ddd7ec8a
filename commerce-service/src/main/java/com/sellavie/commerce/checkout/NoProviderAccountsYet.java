package com.sellavie.commerce.checkout;

import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** TEMPORARY until payment settings are merged: no business has a provider configured. */
@Component
class NoProviderAccountsYet implements CheckoutAccounts {

    @Override
    public Optional<CheckoutAccount> defaultFor(UUID businessId) {
        return Optional.empty();
    }

    @Override
    public Optional<CheckoutAccount> of(UUID businessId, String provider) {
        return Optional.empty();
    }
}
