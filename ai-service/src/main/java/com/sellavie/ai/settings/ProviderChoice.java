package com.sellavie.ai.settings;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One provider of a business's order (a row of {@code ai_settings_providers}; its position is its
 * index in {@link AiSettings#providers()}).
 *
 * @param name          {@code offline} or an endpoint of the deployment
 * @param model         the business's model; null = the endpoint's
 * @param keyCiphertext the business's own key, Tink AEAD (associated data = business id); null = the platform's
 * @param keyHint       what the API shows of that key ({@code sk-…1a2b}); null with no own key
 */
@Table("ai_settings_providers")
record ProviderChoice(String name, String model, byte[] keyCiphertext, String keyHint) {

    boolean ownKey() {
        return keyCiphertext != null;
    }

    @Override
    public String toString() {
        return "ProviderChoice[" + name + ", model=" + model + ", key=" + (keyHint == null ? "platform" : keyHint) + "]";
    }
}
