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
import com.sellavie.platform.tenancy.Tenancy;
import com.sellavie.platform.tenancy.TenantContext;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

    private static final Pattern BUFFERS = Pattern.compile("Buffers: shared hit=(\\d+)(?: read=(\\d+))?");

    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Tenancy tenancy;
    @Autowired
    ProfileQueue queue;

    @Test
    void lookingForDueProfilesReadsTheDueContactsNotEveryContact() {
        // Given a shop with 5,000 WhatsApp customers (no Graph profile, never due) and 5,000 Instagram
        // customers whose profiles were fetched yesterday (due again in six days)
        UUID business = UUID.randomUUID();
        Channel whatsapp = StoredChannels.store(context, business, "WHATSAPP", externalId(), Inbound.TOKEN);
        Channel instagram = StoredChannels.store(context, business, "INSTAGRAM", externalId(), Inbound.TOKEN);
        insertContacts(business, whatsapp, 5_000, "NULL");
        insertContacts(business, instagram, 5_000, "now() + interval '6 days'");

        // When an instance looks for due contacts (the same statement under EXPLAIN ANALYZE too)
        List<ProfileQueue.DueContact> due = queue.due(20);
        String plan = tenancy.globalLookup(ProfileQueue.LOOKUP, () -> String.join("\n",
                jdbc.queryForList("EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) " + ProfileQueue.DUE_NOW, String.class, 20)));

        // Then none of them is due, and the look read the due contacts of other tests (at most its 20), not
        // the shop's 10,000 contacts
        assertThat(due).noneMatch(d -> d.businessId().equals(business));
        Matcher buffers = BUFFERS.matcher(plan);
        assertThat(buffers.find()).as(plan).isTrue();
        int pages = Integer.parseInt(buffers.group(1))
                + (buffers.group(2) == null ? 0 : Integer.parseInt(buffers.group(2)));
        assertThat(pages).as(plan).isLessThan(60);
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
                + "'customer-' || i, 'Customer ' || i, now() - interval '30 days', " + dueAt
                + " FROM generate_series(1, " + count + ") i", business, channel.id()));
    }

    private static String externalId() {
        return String.valueOf(100_000_000_000L
                + Math.abs(UUID.randomUUID().getLeastSignificantBits() % 900_000_000_000L));
    }
}
