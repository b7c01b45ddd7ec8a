package com.sellavie.local.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where each DM's time went, from the journey's record timestamps: the DM's {@code InboundMessageReceived}
 * is the one keyed {@code <channel id>:<its customer>}; the later events of the journey share its
 * correlation id. Wall-clock times of one machine (services, broker and stub share its clock).
 */
final class HopBreakdown {

    static final String INGEST = "1. due → InboundMessageReceived on Kafka (webhook POST, gateway, ingest, its relay)";
    static final String CONVERSATION = "2. → ReplyRequested on Kafka (conversation: consume, record, relay)";
    static final String AI = "3. → ReplyGenerated on Kafka (ai: consume, offline reply, relay)";
    static final String SEND = "4. → Send API request at the stub (conversation: consume, send)";

    /** Each hop's durations (ms) in journey order, and how many DMs had more than one inbound event. */
    record Hops(Map<String, List<Long>> millis, int duplicateInbound, int withoutInbound) {
    }

    private HopBreakdown() {
    }

    static Hops of(List<TopicTimes.Seen> records, List<Outcome> outcomes) {
        Map<String, TopicTimes.Seen> inboundByCustomer = new HashMap<>();
        Map<String, Integer> inboundCount = new HashMap<>();
        Map<String, Map<String, Long>> firstByCorrelation = new HashMap<>();
        for (TopicTimes.Seen seen : records) {
            if (seen.topic().equals(TopicTimes.INBOUND)) {
                String customer = seen.key().substring(seen.key().lastIndexOf(':') + 1);
                inboundByCustomer.merge(customer, seen, (a, b) -> a.timestamp() <= b.timestamp() ? a : b);
                inboundCount.merge(customer, 1, Integer::sum);
            }
            firstByCorrelation.computeIfAbsent(seen.correlationId(), c -> new HashMap<>())
                    .merge(seen.topic(), seen.timestamp(), Math::min);
        }
        Map<String, List<Long>> hops = new LinkedHashMap<>();
        for (String hop : List.of(INGEST, CONVERSATION, AI, SEND)) {
            hops.put(hop, new ArrayList<>());
        }
        int duplicates = 0;
        int missing = 0;
        for (Outcome dm : outcomes) {
            if (inboundCount.getOrDefault(dm.customer(), 0) > 1) {
                duplicates++;
            }
            TopicTimes.Seen inbound = inboundByCustomer.get(dm.customer());
            if (inbound == null) {
                missing++;
                continue;
            }
            hops.get(INGEST).add(inbound.timestamp() - dm.dueMillis());
            Map<String, Long> steps = firstByCorrelation.getOrDefault(inbound.correlationId(), Map.of());
            Long requested = steps.get(TopicTimes.REPLY_REQUESTS);
            Long generated = steps.get(TopicTimes.AI_REPLIES);
            if (requested != null) {
                hops.get(CONVERSATION).add(requested - inbound.timestamp());
            }
            if (requested != null && generated != null) {
                hops.get(AI).add(generated - requested);
            }
            if (generated != null && dm.firstSendMillis() >= 0) {
                hops.get(SEND).add(dm.firstSendMillis() - generated);
            }
        }
        return new Hops(hops, duplicates, missing);
    }
}
