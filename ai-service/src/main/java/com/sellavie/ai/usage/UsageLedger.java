package com.sellavie.ai.usage;

import com.sellavie.ai.messaging.outbound.UsageMessages;
import com.sellavie.ai.provider.TokenUsage;
import com.sellavie.events.ai.ReplyGenerated;
import com.sellavie.events.conversation.ReplyRequested;
import com.sellavie.platform.outbox.Outbox;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code ai_usage} table: one row per answered request, written in the caller's transaction (the
 * one publishing the reply and finishing its job) together with its AiUsageRecorded in the outbox. A
 * request already recorded is not counted again. Days and months are the business's time zone's.
 */
@Component
public class UsageLedger {

    private static final Logger log = LoggerFactory.getLogger(UsageLedger.class);

    private final JdbcTemplate jdbc;
    private final Outbox outbox;
    private final PriceTable prices;
    private final MeterRegistry meters;
    private final Clock clock;

    UsageLedger(JdbcTemplate jdbc, Outbox outbox, PriceTable prices, MeterRegistry meters, Clock clock) {
        this.jdbc = jdbc;
        this.outbox = outbox;
        this.prices = prices;
        this.meters = meters;
        this.clock = clock;
    }

    /**
     * Records what {@code reply} cost, on its day in {@code zone}; must run inside the transaction that publishes it.
     *
     * @param zone the business's time zone ({@link #zoneOf}) as the reply's own read of the business found it: the
     *             reply path has it already, so recording costs no round trip for it
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(ReplyRequested request, ReplyGenerated reply, TokenUsage tokens, boolean budgetFallback,
            ZoneId zone) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        UUID businessId = request.getBusinessId();
        OptionalLong cost = prices.costMicroUsd(reply.getProviderName(), reply.getModel(), tokens);
        ReplyUsage usage = new ReplyUsage(businessId, request.getEventId(), reply.getEventId(),
                request.getConversationId(), LocalDate.ofInstant(now, zone), now, reply.getProviderName(),
                reply.getModel(), tokens.input(), tokens.output(), cost.isPresent() ? cost.getAsLong() : null,
                prices.version(), budgetFallback);
        int inserted = jdbc.update("INSERT INTO ai_usage (business_id, reply_request_id, reply_id, usage_day, "
                + "recorded_at, provider, model, input_tokens, output_tokens, cost_micro_usd, price_table_version, "
                + "budget_fallback) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                businessId, usage.replyRequestId(), usage.replyId(), Date.valueOf(usage.day()),
                Timestamp.from(now), usage.provider(), usage.model(), usage.inputTokens(), usage.outputTokens(),
                usage.costMicroUsd(), usage.priceTableVersion(), budgetFallback);
        if (inserted == 0) {
            log.warn("Usage of request {} (business {}) was already recorded; not counted again",
                    request.getEventId(), businessId);
            return;
        }
        outbox.publish(UsageMessages.usageRecorded(request, usage), businessId.toString());
        meters.counter("sellavie.ai.usage.tokens", "provider", usage.provider(), "direction", "input")
                .increment(usage.inputTokens());
        meters.counter("sellavie.ai.usage.tokens", "provider", usage.provider(), "direction", "output")
                .increment(usage.outputTokens());
    }

    /** The cost of the business's replies this calendar month (its time zone), unknown costs left out. */
    public long monthToDateMicroUsd(UUID businessId) {
        LocalDate firstOfMonth = today(businessId).withDayOfMonth(1);
        Long spent = jdbc.queryForObject("SELECT coalesce(sum(cost_micro_usd), 0) FROM ai_usage "
                + "WHERE business_id = ? AND usage_day >= ?", Long.class, businessId, Date.valueOf(firstOfMonth));
        return spent == null ? 0 : spent;
    }

    /** Today in the business's time zone. */
    public LocalDate today(UUID businessId) {
        return LocalDate.ofInstant(clock.instant(), zone(businessId));
    }

    /** The business's time zone from its profile; UTC when it set none or an unreadable one. */
    ZoneId zone(UUID businessId) {
        return zoneOf(businessId, jdbc.queryForList("SELECT time_zone FROM businesses WHERE business_id = ?",
                String.class, businessId).stream().findFirst().orElse(null));
    }

    /** The zone a business's usage days count in, from its profile's {@code time_zone}: UTC if unset or unreadable. */
    public static ZoneId zoneOf(UUID businessId, String zone) {
        if (zone == null || zone.isBlank()) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone);
        } catch (DateTimeException e) {
            log.warn("Business {} has an unreadable time zone {}; its AI usage is counted in UTC days", businessId,
                    zone);
            return ZoneOffset.UTC;
        }
    }
}
