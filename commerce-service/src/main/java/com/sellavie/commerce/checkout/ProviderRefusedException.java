package com.sellavie.commerce.checkout;

/**
 * A provider refused the checkout for good (invalid key, invalid request): trying again changes
 * nothing. Ignored by the circuit breakers: it says nothing about the provider's health. The message is
 * the provider's own words (never the key).
 */
public class ProviderRefusedException extends RuntimeException {

    public ProviderRefusedException(String message) {
        super(message);
    }
}
