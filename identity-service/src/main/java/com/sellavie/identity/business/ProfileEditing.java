package com.sellavie.identity.business;

import com.sellavie.identity.activity.ActivityCategory;
import com.sellavie.identity.activity.ActivityLog;
import com.sellavie.identity.messaging.BusinessEvents;
import com.sellavie.identity.session.ClientInfo;
import com.sellavie.platform.outbox.Outbox;
import com.sellavie.platform.tenancy.Tenancy;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and edits a business's profile. An edit saves the profile, publishes the whole of it as
 * {@code BusinessUpdated} and records it in the activity log, in one transaction; an edit that changes
 * nothing does none of these.
 */
@Service
class ProfileEditing {

    private final BusinessProfiles profiles;
    private final Outbox outbox;
    private final ActivityLog activity;
    private final Tenancy tenancy;
    private final TransactionTemplate transactions;

    ProfileEditing(BusinessProfiles profiles, Outbox outbox, ActivityLog activity, Tenancy tenancy,
            TransactionTemplate transactions) {
        this.profiles = profiles;
        this.outbox = outbox;
        this.activity = activity;
        this.tenancy = tenancy;
        this.transactions = transactions;
    }

    Optional<BusinessProfile> profile(UUID businessId) {
        return tenancy.callAs(businessId, () -> profiles.find(businessId));
    }

    /** @return the profile as it now is (unchanged when the edit said what was already there) */
    Optional<BusinessProfile> edit(UUID businessId, UUID memberId, ProfileRequest.Valid edit, ClientInfo client) {
        return tenancy.callAs(businessId, () -> transactions.execute(status -> profiles.lock(businessId).map(current -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            BusinessProfile edited = new BusinessProfile(edit.name(), edit.timeZone(), edit.language(), edit.country(),
                    edit.contactEmail(), edit.logoUrl(), now);
            if (edited.sameAs(current)) {
                return current;
            }
            profiles.save(businessId, edited);
            outbox.publish(BusinessEvents.updated(businessId, edited.forEvent(), memberId, now), businessId.toString());
            activity.record(new ActivityLog.Entry(businessId, now, ActivityCategory.SETTINGS, "BUSINESS_PROFILE_UPDATED",
                    memberId, client.ip(), client.device(), changedFields(current, edited), null));
            return edited;
        })));
    }

    /** Which fields changed, for the log (names only: the values are on the profile). */
    private static String changedFields(BusinessProfile before, BusinessProfile after) {
        java.util.List<String> fields = new java.util.ArrayList<>();
        if (!java.util.Objects.equals(before.name(), after.name())) fields.add("name");
        if (!java.util.Objects.equals(before.timeZone(), after.timeZone())) fields.add("timeZone");
        if (!java.util.Objects.equals(before.language(), after.language())) fields.add("language");
        if (!java.util.Objects.equals(before.country(), after.country())) fields.add("country");
        if (!java.util.Objects.equals(before.contactEmail(), after.contactEmail())) fields.add("contactEmail");
        if (!java.util.Objects.equals(before.logoUrl(), after.logoUrl())) fields.add("logoUrl");
        return String.join(", ", fields);
    }
}
