package com.sellavie.platform.relay;

import com.sellavie.events.ingest.InboundMessageReceived;
import com.sellavie.platform.outbox.Outbox;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.annotation.Transactional;

/** The smallest service that publishes events: one table of its own, one use case, the platform's auto-configuration. */
@SpringBootConfiguration
@EnableAutoConfiguration
class RelayTestApplication {

    @Bean
    MessageIntake messageIntake(JdbcTemplate jdbc, Outbox outbox) {
        return new MessageIntake(jdbc, outbox);
    }

    /** A use case that records a message and publishes the event in one transaction, as a service does. */
    static class MessageIntake {

        private final JdbcTemplate jdbc;
        private final Outbox outbox;

        MessageIntake(JdbcTemplate jdbc, Outbox outbox) {
            this.jdbc = jdbc;
            this.outbox = outbox;
        }

        @Transactional
        public void receive(InboundMessageReceived event, String conversationKey) {
            jdbc.update("INSERT INTO intake_log (external_message_id) VALUES (?)", event.getExternalMessageId());
            outbox.publish(event, conversationKey);
        }

        @Transactional
        public void receiveThenFail(InboundMessageReceived event, String conversationKey) {
            receive(event, conversationKey);
            throw new IllegalStateException("the use case failed after publishing");
        }
    }
}
