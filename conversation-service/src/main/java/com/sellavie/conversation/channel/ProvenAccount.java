package com.sellavie.conversation.channel;

/**
 * What Meta confirmed about an account the token controls.
 *
 * @param name               Instagram username, Page name or WhatsApp verified name (may be null)
 * @param displayPhoneNumber WhatsApp only
 */
record ProvenAccount(String name, String displayPhoneNumber) {
}
