package com.sellavie.commerce.payment.settings;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Tink keyset that encrypts payment provider secrets lives.
 *
 * @param keysetFile path of a Tink JSON keyset (env {@code SELLAVIE_COMMERCE_KEYSET_FILE}); the
 *                   service refuses to start without it
 */
@ConfigurationProperties("sellavie.commerce.encryption")
record EncryptionProperties(String keysetFile) {
}
