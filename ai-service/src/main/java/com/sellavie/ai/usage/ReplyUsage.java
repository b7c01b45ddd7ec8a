package com.sellavie.ai.usage;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What one reply cost, as recorded.
 *
 * @param day          the day it counts for, in the business's time zone
 * @param costMicroUsd null when the price table has no price for the provider and model
 */
public record ReplyUsage(UUID businessId, UUID replyRequestId, UUID replyId, UUID conversationId, LocalDate day,
        Instant recordedAt, String provider, String model, long inputTokens, long outputTokens, Long costMicroUsd,
        String priceTableVersion, boolean budgetFallback) {
}
