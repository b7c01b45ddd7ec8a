package com.sellavie.conversation.delivery;

import com.sellavie.events.ingest.MessageStatusChanged;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies one status from Meta to the outbound messages it names (by Meta's id) or covers (a watermark:
 * every message of the conversation sent up to it). Statuses arrive out of order, so each only ever moves
 * a message forward: PENDING &lt; SENT &lt; DELIVERED &lt; READ, read implying delivered; FAILED (with Meta's
 * error) replaces anything but READ. A status naming no message Sellavie knows (one sent outside it) is
 * counted and dropped.
 */
@Component
class DeliveryStatuses {

    private static final Logger log = LoggerFactory.getLogger(DeliveryStatuses.class);

    private final StatusUpdates updates;
    private final MeterRegistry meters;

    DeliveryStatuses(StatusUpdates updates, MeterRegistry meters) {
        this.updates = updates;
        this.meters = meters;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void apply(MessageStatusChanged event) {
        UUID businessId = EventMetadata.of(event).businessId();
        String status = event.getStatus();
        if (!StatusUpdates.TRACKED.contains(status)) {
            count(status, "unsupported");
            log.debug("Status {} from Meta is not one Sellavie tracks; dropped", status);
            return;
        }
        for (String externalMessageId : event.getExternalMessageIds()) {
            int updated = updates.applyToMessage(businessId, externalMessageId, status, event.getErrorCode(),
                    event.getErrorTitle());
            if (updated > 0) {
                count(status, "applied");
            } else if (updates.knows(businessId, externalMessageId)) {
                count(status, "stale");
            } else {
                count(status, "unknown_message");
                log.debug("{} status for unknown message {} dropped (sent outside Sellavie?)", status,
                        externalMessageId);
            }
        }
        if (event.getWatermark() != null) {
            int updated = updates.applyUpTo(businessId, event.getChannelType(), event.getChannelExternalId(),
                    event.getRecipientExternalId(), status, event.getWatermark());
            count(status, updated > 0 ? "applied_watermark" : "watermark_no_change");
        }
    }

    private void count(String status, String outcome) {
        meters.counter("sellavie.conversation.delivery.statuses", "status", status, "outcome", outcome).increment();
    }
}
