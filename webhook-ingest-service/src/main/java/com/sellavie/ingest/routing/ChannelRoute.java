package com.sellavie.ingest.routing;

import java.util.UUID;

/**
 * Where a webhook for one channel goes.
 *
 * @param businessId the tenant owning the channel
 * @param channelId  Sellavie's id of the channel
 * @param externalId the channel's own external id (WhatsApp: its phone_number_id, even when the webhook was
 *                   matched by display number or account)
 * @param matchedBy  which identifier found it (external_id, page_id, display_phone_number, waba_id)
 */
public record ChannelRoute(UUID businessId, UUID channelId, String externalId, String matchedBy) {
}
