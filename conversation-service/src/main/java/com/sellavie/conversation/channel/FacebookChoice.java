package com.sellavie.conversation.channel;

/**
 * An account the Facebook user can connect, with the token that will connect it: a Page token for
 * MESSENGER and INSTAGRAM (through that Page), the long-lived user token for WHATSAPP. Kept only inside
 * the encrypted login session; the API shows it without the token.
 */
record FacebookChoice(String type, String externalId, String name, String pageId, String wabaId,
        String displayPhoneNumber, String accessToken) {

    ConnectChannel toConnect() {
        return new ConnectChannel(type, externalId, name, accessToken, pageId, wabaId);
    }

    boolean is(String type, String externalId) {
        return this.type.equals(type) && this.externalId.equals(externalId);
    }

    @Override
    public String toString() {
        return "FacebookChoice[type=" + type + ", externalId=" + externalId + ", pageId=" + pageId + ", wabaId="
                + wabaId + "]";
    }
}
