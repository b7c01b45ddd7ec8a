package com.sellavie.notification.messaging.members;

import com.sellavie.events.identity.MemberJoined;
import com.sellavie.events.identity.MemberLeft;
import com.sellavie.events.identity.MemberRoleChanged;
import com.sellavie.notification.team.TeamMembers;
import com.sellavie.platform.inbox.IdempotentEventHandler;
import com.sellavie.platform.kafka.ListenerConcurrency;
import com.sellavie.platform.tenancy.InvalidTenantHeaderException;
import com.sellavie.platform.tenancy.TenantContext;
import com.sellavie.schemas.EventMetadata;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * {@code identity.members}: who belongs to which business, for alert emails. Inbox for idempotency,
 * tenant header must be the event's business (else DLT), counted {@value #OUTCOMES}{type, outcome}.
 */
@Component
class MembersListener {

    static final String OUTCOMES = "sellavie.notification.member_events";

    private final IdempotentEventHandler handler;
    private final TeamMembers members;
    private final MeterRegistry meters;

    MembersListener(IdempotentEventHandler handler, TeamMembers members, MeterRegistry meters) {
        this.handler = handler;
        this.members = members;
        this.meters = meters;
    }

    @KafkaListener(topics = "#{T(com.sellavie.schemas.Topics).IDENTITY_MEMBERS.name()}",
            concurrency = ListenerConcurrency.LIGHT)
    void on(ConsumerRecord<String, SpecificRecord> record) {
        AtomicReference<String> outcome = new AtomicReference<>("redelivered");
        handler.handleOnce(record, event -> {
            requireSameTenant(record, event);
            switch (event) {
                case MemberJoined joined -> members.upsert(joined.getUserId(), joined.getRole());
                case MemberRoleChanged changed -> members.upsert(changed.getUserId(), changed.getRole());
                case MemberLeft left -> members.remove(left.getUserId());
                default -> throw new IllegalArgumentException("Unexpected " + EventMetadata.eventType(event)
                        + " on identity.members");
            }
            outcome.set("applied");
        });
        meters.counter(OUTCOMES, "type", EventMetadata.eventType(record.value()), "outcome", outcome.get()).increment();
    }

    private static void requireSameTenant(ConsumerRecord<?, ?> record, SpecificRecord event) {
        UUID tenant = TenantContext.requireBusinessId();
        UUID owner = EventMetadata.of(event).businessId();
        if (!tenant.equals(owner)) {
            throw new InvalidTenantHeaderException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + ": businessId header " + tenant + " differs from the event's " + owner);
        }
    }
}
