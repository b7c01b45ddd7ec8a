package com.sellavie.ai.reply;

import com.sellavie.events.conversation.ReplyRequested;
import java.time.Instant;
import java.util.UUID;

/**
 * A reply job this instance has claimed.
 *
 * @param id         the job
 * @param leaseOwner this claim's token: the job is still ours only while its row carries it
 * @param attempts   model calls started for it, this one included
 * @param createdAt  when the request was first received (the retry horizon counts from here)
 */
record ReplyJob(UUID id, UUID businessId, UUID conversationId, UUID leaseOwner, int attempts, Instant createdAt,
        ReplyRequested request, String traceparent) {

    /** Not traced (recorded outside any span). */
    ReplyJob(UUID id, UUID businessId, UUID conversationId, UUID leaseOwner, int attempts, Instant createdAt,
            ReplyRequested request) {
        this(id, businessId, conversationId, leaseOwner, attempts, createdAt, request, null);
    }

    UUID requestId() {
        return request.getEventId();
    }

    @Override
    public String toString() {
        return "reply job " + id + " (business " + businessId + ", conversation " + conversationId + ", request "
                + request.getEventId() + ", attempt " + attempts + ")";
    }
}
