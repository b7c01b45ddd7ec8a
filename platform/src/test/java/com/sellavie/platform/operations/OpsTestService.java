package com.sellavie.platform.operations;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A service on the platform's defaults only: its resource-server chain for the API (merchants' JWTs),
 * the operator chain, and two listeners whose failures end in dead-letter topics.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import({OpsTestService.Listeners.class, OpsTestService.Api.class})
class OpsTestService {

    static final String LISTING_TOPIC = "ops-it.listing";
    static final String REPLAY_TOPIC = "ops-it.replay";

    static class Listeners {

        final AtomicBoolean broken = new AtomicBoolean(true);
        final List<String> handled = new CopyOnWriteArrayList<>();

        /** Always refuses; the reason names the event, never its text. */
        @KafkaListener(topics = LISTING_TOPIC, groupId = "ops-it-listing")
        void listing(InboundMessageReceived event) {
            throw new IllegalStateException("refused event " + event.getEventId());
        }

        /** Refuses while broken, as a handler with a bug would until it is fixed. */
        @KafkaListener(topics = REPLAY_TOPIC, groupId = "ops-it-replay")
        void replay(InboundMessageReceived event) {
            if (broken.get()) {
                throw new IllegalStateException("broken handler, event " + event.getEventId());
            }
            handled.add(event.getText());
        }
    }

    @RestController
    static class Api {

        @GetMapping("/api/whoami")
        String whoami() {
            return TenantContext.currentBusinessId().map(Object::toString).orElse("none");
        }
    }
}
