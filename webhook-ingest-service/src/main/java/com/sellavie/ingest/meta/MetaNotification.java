package com.sellavie.ingest.meta;

import java.util.List;

/**
 * What one verified Meta POST contains, as far as ingest cares.
 *
 * @param objectType the payload's {@code object} (instagram, page, whatsapp_business_account, ...)
 * @param supported  whether ingest understands that object type
 * @param messages   the customer messages, in payload order
 * @param statuses   the delivery and read statuses of the business's messages, in payload order
 * @param ignored    the kinds of the events skipped (echo, postback, ...), one per event
 */
record MetaNotification(String objectType, boolean supported, List<MetaMessage> messages, List<MetaStatus> statuses,
        List<String> ignored) {
}
