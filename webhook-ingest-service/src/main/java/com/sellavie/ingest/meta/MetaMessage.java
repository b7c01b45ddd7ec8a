package com.sellavie.ingest.meta;

import java.time.Instant;

/**
 * One customer message found in a Meta webhook, before routing.
 *
 * @param channelType       INSTAGRAM, MESSENGER or WHATSAPP
 * @param channelExternalId the business's id the message was sent to (IG account id, Page id, phone_number_id)
 * @param senderExternalId  the customer's id (IGSID, PSID, wa_id)
 * @param externalMessageId Meta's message id (mid, wamid)
 * @param text              the text, or null (an attachment)
 * @param sentAt            when the customer sent it, per Meta
 * @param senderName        the customer's display name when the channel gives one (WhatsApp), else null
 * @param displayPhoneNumber WhatsApp: the business number as displayed (routing fallback), else null
 * @param accountId         WhatsApp: the WABA id of the entry (last routing fallback), else null
 * @param content           attachments, story reply, interactive choice, location or reaction
 */
record MetaMessage(String channelType, String channelExternalId, String senderExternalId, String externalMessageId,
        String text, Instant sentAt, String senderName, String displayPhoneNumber, String accountId,
        MetaContent content) {

    /** A plain text message. */
    MetaMessage(String channelType, String channelExternalId, String senderExternalId, String externalMessageId,
            String text, Instant sentAt, String senderName, String displayPhoneNumber, String accountId) {
        this(channelType, channelExternalId, senderExternalId, externalMessageId, text, sentAt, senderName,
                displayPhoneNumber, accountId, MetaContent.NONE);
    }
}
