package com.sellavie.ai.provider;

import java.util.Objects;

/**
 * A provider's answer, before tag parsing.
 *
 * @param text         the model's text, action tags included
 * @param providerName the provider that wrote it
 * @param model        the model name, null for the offline responder
 * @param offline      true when the built-in offline responder wrote it
 */
public record Reply(String text, String providerName, String model, boolean offline) {

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerName, "providerName");
    }
}
