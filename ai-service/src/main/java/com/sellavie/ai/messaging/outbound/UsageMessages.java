package com.sellavie.ai.messaging.outbound;

import com.sellavie.ai.usage.ReplyUsage;
import com.sellavie.events.ai.AiUsageRecorded;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.schemas.EventMetadata;

/** AiUsageRecorded from a recorded reply's usage: same tenant and journey, caused by the request. */
public final class UsageMessages {

    private UsageMessages() {
    }

    public static AiUsageRecorded usageRecorded(ReplyRequested request, ReplyUsage usage) {
        EventMetadata metadata = EventMetadata.causedBy(EventMetadata.of(request), usage.recordedAt());
        return AiUsageRecorded.newBuilder()
                .setEventId(metadata.eventId())
                .setOccurredAt(metadata.occurredAt())
                .setBusinessId(metadata.businessId())
                .setCorrelationId(metadata.correlationId())
                .setCausationId(metadata.causationId())
                .setReplyRequestId(usage.replyRequestId())
                .setReplyId(usage.replyId())
                .setConversationId(usage.conversationId())
                .setUsageDay(usage.day().toString())
                .setProviderName(usage.provider())
                .setModel(usage.model())
                .setInputTokens(usage.inputTokens())
                .setOutputTokens(usage.outputTokens())
                .setCostMicroUsd(usage.costMicroUsd())
                .setPriceTableVersion(usage.priceTableVersion())
                .setBudgetFallback(usage.budgetFallback())
                .build();
    }
}
