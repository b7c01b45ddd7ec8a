package com.sellavie.conversation.channel;

import java.time.Instant;
import java.util.UUID;

/**
 * A channel as stored, without its token.
 *
 * @param externalId         the id webhooks name it by: Instagram account id, Page id (Messenger) or
 *                           WhatsApp phone_number_id
 * @param pageId             the Facebook Page (Instagram connected through a Page, Messenger), else null
 * @param wabaId             WhatsApp only: the WhatsApp Business Account owning the number
 * @param displayPhoneNumber WhatsApp only: the number as Meta displays it
 */
public record Channel(UUID id, UUID businessId, String type, String externalId, String name, String tokenHint,
        String status, Instant createdAt, String pageId, String wabaId, String displayPhoneNumber) {

    public static final String CONNECTED = "CONNECTED";
    /** Meta rejected the token: sends fail, webhooks still route, the merchant must reconnect. */
    public static final String NEEDS_RECONNECT = "NEEDS_RECONNECT";
    /** The merchant disconnected it: no token, no routing; its history stays. */
    public static final String DISCONNECTED = "DISCONNECTED";

    /** "Try your assistant": a business's own test channel, no provider, no token (issue 8 point 11). */
    public static final String SANDBOX = "SANDBOX";

    /** The business's sandbox channel's external id: one per business, named by ingest the same way. */
    public static String sandboxExternalId(UUID businessId) {
        return "sandbox-" + businessId;
    }

    public boolean sandbox() {
        return SANDBOX.equals(type);
    }

    /**
     * Whether its contacts have a Graph API profile to fetch (name, username, picture): Instagram and
     * Messenger do; WhatsApp sends the name with each message, and the sandbox has no provider.
     */
    public boolean contactsHaveProfiles() {
        return "INSTAGRAM".equals(type) || "MESSENGER".equals(type);
    }

    public boolean disconnected() {
        return DISCONNECTED.equals(status);
    }
}
