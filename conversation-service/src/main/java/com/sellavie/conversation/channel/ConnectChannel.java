package com.sellavie.conversation.channel;

/**
 * A connection request whose fields agree: the account to prove and store.
 *
 * @param name   the merchant's name for it, or null (Meta's name is used)
 * @param pageId Instagram through a Page, or Messenger (then equal to externalId); else null
 * @param wabaId WhatsApp only
 */
record ConnectChannel(String type, String externalId, String name, String accessToken, String pageId,
        String wabaId) {

    @Override
    public String toString() {
        return "ConnectChannel[type=" + type + ", externalId=" + externalId + ", pageId=" + pageId + ", wabaId="
                + wabaId + "]";
    }
}
