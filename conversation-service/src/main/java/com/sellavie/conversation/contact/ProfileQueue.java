package com.sellavie.conversation.contact;

import com.sellavie.platform.tenancy.Tenancy;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/**
 * The contacts whose Instagram/Messenger profile is due (never fetched, or due again), claimed under a
 * lease so that one instance fetches each; then the profile or the failure is recorded and the next due
 * time set. Finding due contacts looks across businesses (global lookup {@code contact-profile-queue},
 * ids only); every write runs as the contact's business.
 */
@Repository
class ProfileQueue {

    static final String LOOKUP = "contact-profile-queue";
    private static final String FREE = "(k.profile_lease_until IS NULL OR k.profile_lease_until < now())";
    private static final String DUE = "(k.profile_due_at IS NULL OR k.profile_due_at <= now()) AND " + FREE;
    /**
     * The start of the due-time index, in order, up to the limit: only Instagram and Messenger contacts ever
     * get a due time (at creation, then from each fetch), so neither WhatsApp's contacts, nor the ones fetched
     * lately, nor a backlog of due ones beyond this pass's batch are read. No join to the channel's type: it
     * would let the planner read every due contact to sort them.
     */
    static final String DUE_NOW = "SELECT k.business_id, k.id FROM contacts k WHERE k.profile_due_at <= now() AND "
            + FREE + " ORDER BY k.profile_due_at LIMIT ?";
    /** Contacts created before they got a due time at creation, in id order from {@code after}. */
    static final String NEVER_SCHEDULED = "SELECT k.business_id, k.id FROM contacts k "
            + "JOIN channels ch ON ch.id = k.channel_id WHERE ch.type IN ('INSTAGRAM', 'MESSENGER') "
            + "AND k.profile_due_at IS NULL AND " + FREE + " AND k.id > ? ORDER BY k.id LIMIT ?";

    private final JdbcTemplate jdbc;
    private final Tenancy tenancy;

    ProfileQueue(JdbcTemplate jdbc, Tenancy tenancy) {
        this.jdbc = jdbc;
        this.tenancy = tenancy;
    }

    record DueContact(UUID businessId, UUID contactId) {
    }

    record Claim(UUID businessId, UUID contactId, UUID channelId, String externalId, int failures) {
    }

    List<DueContact> due(int limit) {
        return tenancy.globalLookup(LOOKUP, () -> jdbc.query(DUE_NOW, ProfileQueue::dueContact, limit));
    }

    /** The next page of contacts that never had a due time, after the contact id {@code after}. */
    List<DueContact> neverScheduled(UUID after, int limit) {
        return tenancy.globalLookup(LOOKUP, () -> jdbc.query(NEVER_SCHEDULED, ProfileQueue::dueContact, after, limit));
    }

    private static DueContact dueContact(ResultSet rs, int row) throws SQLException {
        return new DueContact(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
    }

    /** As the business, in the caller's transaction: empty when another instance claimed it first. */
    Optional<Claim> claim(DueContact due, String owner, Duration lease) {
        return jdbc.query("UPDATE contacts k SET profile_lease_owner = ?, "
                        + "profile_lease_until = now() + ? * interval '1 millisecond' "
                        + "WHERE k.business_id = ? AND k.id = ? AND " + DUE
                        + " RETURNING k.channel_id, k.external_id, k.profile_failures",
                (rs, row) -> new Claim(due.businessId(), due.contactId(), rs.getObject(1, UUID.class),
                        rs.getString(2), rs.getInt(3)),
                owner, lease.toMillis(), due.businessId(), due.contactId()).stream().findFirst();
    }

    /** Meta's profile; the name only where the team has not set one. Due again after {@code refreshEvery}. */
    int recordProfile(Claim claim, String owner, Profile.Found profile, Duration refreshEvery) {
        return jdbc.update("UPDATE contacts SET name = CASE WHEN name_edited THEN name ELSE COALESCE(?, name) END, "
                        + "username = ?, profile_picture_url = ?, profile_fetched_at = now(), "
                        + "profile_due_at = now() + ? * interval '1 millisecond', profile_failures = 0, "
                        + "profile_lease_owner = NULL, profile_lease_until = NULL "
                        + "WHERE business_id = ? AND id = ? AND profile_lease_owner = ?",
                profile.name(), profile.username(), profile.pictureUrl(), refreshEvery.toMillis(), claim.businessId(),
                claim.contactId(), owner);
    }

    /** Nothing learned: try again after {@code retryIn}; {@code countFailure} false for a token problem. */
    int recordFailure(Claim claim, String owner, Duration retryIn, boolean countFailure) {
        return jdbc.update("UPDATE contacts SET profile_due_at = now() + ? * interval '1 millisecond', "
                        + "profile_failures = profile_failures + ?, profile_lease_owner = NULL, "
                        + "profile_lease_until = NULL WHERE business_id = ? AND id = ? AND profile_lease_owner = ?",
                retryIn.toMillis(), countFailure ? 1 : 0, claim.businessId(), claim.contactId(), owner);
    }
}
