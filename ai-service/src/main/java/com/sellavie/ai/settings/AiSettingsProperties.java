package com.sellavie.ai.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param keyset the Tink JSON AEAD keyset (the text itself, env {@code SELLAVIE_AI_KEYSET}) encrypting
 *               businesses' own API keys; the service refuses to start without it
 */
@ConfigurationProperties("sellavie.ai")
record AiSettingsProperties(String keyset) {
}
