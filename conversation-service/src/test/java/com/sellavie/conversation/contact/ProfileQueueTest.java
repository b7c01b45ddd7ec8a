package com.sellavie.conversation.contact;

import static com.sellavie.conversation.contact.ContactFixtures.instagramProfile;
import static com.sellavie.conversation.contact.ContactFixtures.profileCalls;
import static com.sellavie.conversation.contact.ContactFixtures.profileOf;
import static org.assertj.core.api.Assertions.assertThat;

import com.sellavie.conversation.channel.Channel;
import com.sellavie.conversation.channel.ChannelDirectory;
import com.sellavie.conversation.channel.StoredChannels;
import com.sellavie.conversation.support.ConversationServiceTest;
import com.sellavie.conversation.support.ConversationTestInfrastructure;
import com.sellavie.conversation.support.Inbound;
import com.sellavie.platform.test.QueryPlans;
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The profile queue's cost per poll: every instance looks every two seconds, so a look reads the contacts
 * that are due, not the whole contacts table (a shop's WhatsApp customers, and everyone fetched lately).
 */
@ConversationServiceTest
class ProfileQueueTest {

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ProfileQueue queue;

    @Test
    void lookingForDueProfilesReadsOneBatchOfDueContactsNotEveryContact() {
        // Given a shop with 5,000 WhatsApp customers (no Graph profile, never due), 5,000 Instagram customers
        // whose profiles were fetched yesterday (due again in six days) and 1,000 due for an hour (a Graph
        // outage's backlog), while this instance's refresher is stopped
        ContactProfileRefresher running = context.getBean(ContactProfileRefresher.class);
        running.stop();
        UUID business = UUID.randomUUID();
        try {
            Channel whatsapp = StoredChannels.store(context, business, "WHATSAPP", externalId(), Inbound.TOKEN);
            Channel instagram = StoredChannels.store(context, business, "INSTAGRAM", externalId(), Inbound.TOKEN);
            insertContacts(business, whatsapp, 5_000, "NULL");
            insertContacts(business, instagram, 5_000, "now() + interval '6 days'");
            insertContacts(business, instagram, 1_000, "now() - interval '1 hour'");

            // When an instance looks for a batch of due contacts (the same statement under EXPLAIN ANALYZE too)
            List<ProfileQueue.DueContact> due = queue.due(20);
            String plan = tenancy.globalLookup(ProfileQueue.LOOKUP, () -> String.join("\n", jdbc.queryForList(
                    "EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + ProfileQueue.DUE_NOW, String.class, 20)));

            // Then it gets a batch, having read the first due contacts in due order: not the shop's 11,000
            // contacts, nor the 1,000 due ones
            assertThat(due).hasSize(20);
            assertThat(QueryPlans.pagesRead(plan)).as(plan).isLessThan(60);
        } finally {
            // Fetched, as far as the refresher is concerned: it has nothing of this shop's to do.
            TenantContext.runAs(business, () -> jdbc.update("UPDATE contacts SET profile_due_at = now() + "
                    + "interval '6 days' WHERE business_id = ? AND profile_due_at <= now()", business));
            running.start();
        }
    }

    @Test
    void contactsFromBeforeDueTimesAtCreationAreFetchedByTheNextInstanceToStart() {
        // Given an Instagram contact stored before new contacts got a due time (none, and never fetched),
        // among 500 WhatsApp contacts that have no profile to fetch
        UUID business = UUID.randomUUID();
        Channel instagram = StoredChannels.store(context, business, "INSTAGRAM", externalId(), Inbound.TOKEN);
        Channel whatsapp = StoredChannels.store(context, business, "WHATSAPP", externalId(), Inbound.TOKEN);
        insertContacts(business, whatsapp, 500, "NULL");
        String igsid = "igsid-" + UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO contacts (id, business_id, channel_id, "
                + "external_id, name, created_at) VALUES (?, ?, ?, ?, 'Ada', now())", contact, business,
                instagram.id(), igsid));
        ConversationTestInfrastructure.GRAPH.stubFor(profileOf(igsid)
                .willReturn(instagramProfile(igsid, "Ada Obi", "ada.obi")));

        // When an instance starts and makes its passes (the running one caught up at its own start)
        ContactProfileRefresher starting = new ContactProfileRefresher(queue, context.getBean(ChannelDirectory.class),
                context.getBean(MetaProfileClient.class), tenancy, context.getBean(TransactionTemplate.class),
                context.getBean(ContactProperties.class), context.getBean(MeterRegistry.class));
        for (int pass = 0; pass < 200 && profileCalls(igsid) == 0; pass++) {
            starting.refreshDue();
        }

        // Then the contact's profile is fetched, once, and it is due again only after the refresh period
        assertThat(profileCalls(igsid)).isEqualTo(1);
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject("SELECT username FROM contacts "
                + "WHERE business_id = ? AND id = ? AND profile_due_at > now() + interval '6 days'", String.class,
                business, contact))).isEqualTo("ada.obi");
        assertThat(TenantContext.callAs(business, () -> jdbc.queryForObject("SELECT count(*) FROM contacts "
                + "WHERE business_id = ? AND channel_id = ? AND profile_due_at IS NULL", Integer.class, business,
                whatsapp.id()))).isEqualTo(500);
    }

    private void insertContacts(UUID business, Channel channel, int count, String dueAt) {
        TenantContext.runAs(business, () -> jdbc.update("INSERT INTO contacts (id, business_id, channel_id, "
                + "external_id, name, created_at, profile_due_at) SELECT gen_random_uuid(), ?, ?, "
                + "'customer-' || gen_random_uuid(), 'Customer ' || i, now() - interval '30 days', " + dueAt
                + " FROM generate_series(1, " + count + ") i", business, channel.id()));
    }

    private static String externalId() {
        return String.valueOf(100_000_000_000L
                + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 900_000_000_000L));
    }
}
