package com.sellavie.ai.provider;

import java.util.Objects;

/**
 * A provider's answer, before tag parsing.
 *
 * @param text         the model's text, action tags included
 * @param providerName the provider that wrote it
 * @param model        the model name, null for the offline responder
 * @param offline      true when the built-in offline responder wrote it
 * @param usage        the tokens the call took, as the provider reported them (none offline)
 */
public record Reply(String text, String providerName, String model, boolean offline, TokenUsage usage) {

    public Reply {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(providerName, "providerName");
        usage = usage == null ? TokenUsage.NONE : usage;
    }

    /** A reply whose tokens were not counted (the offline responder, stand-in models). */
    public Reply(String text, String providerName, String model, boolean offline) {
        this(text, providerName, model, offline, TokenUsage.NONE);
    }
}
