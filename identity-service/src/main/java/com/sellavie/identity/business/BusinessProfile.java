package com.sellavie.identity.business;

import com.sellavie.identity.messaging.BusinessEvents;
import java.time.Instant;

/**
 * A business's profile as stored; every field but the name may be null (not set).
 *
 * @param updatedAt when it was last edited; null if never
 */
record BusinessProfile(String name, String timeZone, String language, String country, String contactEmail,
        String logoUrl, Instant updatedAt) {

    /** Whether {@code other} says the same (the edit time aside): an edit that changes nothing is not one. */
    boolean sameAs(BusinessProfile other) {
        return java.util.Objects.equals(name, other.name) && java.util.Objects.equals(timeZone, other.timeZone)
                && java.util.Objects.equals(language, other.language) && java.util.Objects.equals(country, other.country)
                && java.util.Objects.equals(contactEmail, other.contactEmail)
                && java.util.Objects.equals(logoUrl, other.logoUrl);
    }

    BusinessEvents.Profile forEvent() {
        return new BusinessEvents.Profile(name, timeZone, language, country, contactEmail, logoUrl);
    }
}
