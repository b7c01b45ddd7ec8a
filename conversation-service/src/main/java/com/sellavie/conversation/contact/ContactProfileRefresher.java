package com.sellavie.conversation.contact;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.platform.tenancy.Tenancy;
import io.micrometer.core.instrument.MeterRegistry;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Drains the profile queue every {@code poll-interval} on its own thread: never on a Kafka consumer
 * thread, and never inside a transaction (claim, token read and record are short commits of their own;
 * the Graph call runs between them). Several instances share the queue through the claims' leases.
 */
@Component
class ContactProfileRefresher implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ContactProfileRefresher.class);

    private final ProfileQueue queue;
    private final ChannelDirectory channels;
    private final MetaProfileClient meta;
    private final Tenancy tenancy;
    private final TransactionTemplate transaction;
    private final ContactProperties properties;
    private final MeterRegistry meters;
    private final String owner = "profiles-" + ManagementFactory.getRuntimeMXBean().getName() + "-"
            + UUID.randomUUID().toString().substring(0, 8);
    private volatile ScheduledExecutorService executor;
    /** Where the catch-up of contacts without a due time goes on from; null once it reached the end. */
    private UUID neverScheduledAfter = new UUID(0, 0);

    ContactProfileRefresher(ProfileQueue queue, ChannelDirectory channels, MetaProfileClient meta, Tenancy tenancy,
            TransactionTemplate transaction, ContactProperties properties, MeterRegistry meters) {
        this.queue = queue;
        this.channels = channels;
        this.meta = meta;
        this.tenancy = tenancy;
        this.transaction = transaction;
        this.properties = properties;
        this.meters = meters;
    }

    /**
     * One pass: every due contact (up to the batch size) fetched once. Until it is through them, a pass
     * also takes the next page of contacts created before new contacts got a due time (once per start:
     * such a page reads the contacts table in id order, WhatsApp's included).
     */
    void refreshDue() {
        List<ProfileQueue.DueContact> batch = new ArrayList<>(queue.due(properties.batchSize()));
        if (neverScheduledAfter != null) {
            List<ProfileQueue.DueContact> older = queue.neverScheduled(neverScheduledAfter, properties.batchSize());
            neverScheduledAfter = older.size() < properties.batchSize() ? null : older.getLast().contactId();
            batch.addAll(older);
        }
        for (ProfileQueue.DueContact due : batch) {
            try {
                inTransaction(due.businessId(), () -> queue.claim(due, owner, properties.lease()))
                        .ifPresent(this::refresh);
            } catch (RuntimeException e) {
                // Its lease expires and another pass tries again; the other contacts go on.
                log.warn("Profile refresh of contact {} failed", due.contactId(), e);
                count("unknown", "error");
            }
        }
    }

    private void refresh(ProfileQueue.Claim claim) {
        Optional<Channel> channel = inTransaction(claim.businessId(),
                () -> channels.find(claim.businessId(), claim.channelId()));
        if (channel.isEmpty() || !Channel.CONNECTED.equals(channel.get().status())) {
            // No token to ask with: looked at again after a regular refresh period, not every lease.
            inTransaction(claim.businessId(), () -> queue.recordFailure(claim, owner, properties.refreshEvery(),
                    false));
            count(channel.map(Channel::type).orElse("unknown"), "channel_not_connected");
            return;
        }
        String token = inTransaction(claim.businessId(), () -> channels.accessToken(channel.get()));
        Profile profile = meta.fetch(channel.get().type(), claim.externalId(), token);
        switch (profile) {
            case Profile.Found found -> {
                inTransaction(claim.businessId(), () -> queue.recordProfile(claim, owner, found,
                        properties.refreshEvery()));
                count(channel.get().type(), "fetched");
            }
            case Profile.Failed failed when failed.tokenInvalid() -> {
                log.warn("{} channel {} token refused by Meta (error 190) while fetching contact {}'s profile; "
                        + "left alone until its next refresh", channel.get().type(), channel.get().id(),
                        claim.contactId());
                inTransaction(claim.businessId(), () -> queue.recordFailure(claim, owner, properties.refreshEvery(),
                        false));
                count(channel.get().type(), "token_invalid");
            }
            case Profile.Failed failed -> {
                log.info("Profile of contact {} ({}) not fetched: {}; retried later", claim.contactId(),
                        channel.get().type(), failed.reason());
                inTransaction(claim.businessId(), () -> queue.recordFailure(claim, owner,
                        properties.backoffAfter(claim.failures() + 1), true));
                count(channel.get().type(), "failed");
            }
        }
    }

    private void count(String channelType, String outcome) {
        meters.counter("sellavie.conversation.contact.profiles", "channel_type", channelType, "outcome", outcome)
                .increment();
    }

    private <T> T inTransaction(UUID businessId, Supplier<T> work) {
        return tenancy.callAs(businessId, () -> transaction.execute(status -> work.get()));
    }

    private void pass() {
        try {
            refreshDue();
        } catch (RuntimeException e) {
            log.warn("Profile refresh pass failed; next pass in {}", properties.pollInterval(), e);
            meters.counter("sellavie.conversation.contact.profile-passes", "outcome", "failed").increment();
        }
    }

    @Override
    public synchronized void start() {
        if (executor == null) {
            executor = Executors.newSingleThreadScheduledExecutor(r -> Thread.ofPlatform().daemon()
                    .name("contact-profiles").unstarted(r));
            long every = properties.pollInterval().toMillis();
            executor.scheduleWithFixedDelay(this::pass, every, every, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void stop() {
        if (executor != null) {
            // A claim interrupted here simply expires; the contact is fetched again after its lease.
            executor.shutdownNow();
            executor = null;
        }
    }

    @Override
    public boolean isRunning() {
        return executor != null;
    }
}
