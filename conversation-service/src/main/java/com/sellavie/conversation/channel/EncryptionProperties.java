package com.sellavie.conversation.channel;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where the Tink keyset that encrypts channel tokens lives.
 *
 * @param keysetFile path of a Tink JSON keyset (env {@code SELLAVIE_CONVERSATION_KEYSET_FILE}); the
 *                   service refuses to start without it
 */
@ConfigurationProperties("sellavie.conversation.encryption")
record EncryptionProperties(String keysetFile) {
}
