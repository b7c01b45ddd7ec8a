package com.sellavie.ingest.meta;

import java.time.Instant;
import java.util.List;

/**
 * A delivery or read status of messages the business sent, found in a Meta webhook, before routing.
 *
 * @param channelType         INSTAGRAM, MESSENGER or WHATSAPP
 * @param channelExternalId   the business's id (IG account id, Page id, phone_number_id)
 * @param recipientExternalId the customer the messages went to (IGSID, PSID, wa_id)
 * @param status              SENT, DELIVERED, READ or FAILED
 * @param externalMessageIds  Meta's ids of the messages concerned (may be empty when a watermark is given)
 * @param watermark           Messenger/Instagram: every message sent up to this instant; else null
 * @param statusAt            when Meta says it happened
 * @param errorCode           FAILED: Meta's error code, else null
 * @param errorTitle          FAILED: Meta's error title, else null
 * @param displayPhoneNumber  WhatsApp: the business number as displayed (routing fallback), else null
 * @param accountId           WhatsApp: the WABA id (last routing fallback), else null
 */
record MetaStatus(String channelType, String channelExternalId, String recipientExternalId, String status,
        List<String> externalMessageIds, Instant watermark, Instant statusAt, String errorCode, String errorTitle,
        String displayPhoneNumber, String accountId) {

    MetaStatus {
        externalMessageIds = List.copyOf(externalMessageIds);
    }
}
