package com.sellavie.platform.privacy;

import java.util.UUID;

/**
 * The subject of a privacy request as a handler sees it. The handler runs as {@code businessId}'s tenant.
 *
 * @param contactId  set for {@link PrivacyScope#CONTACT}
 * @param metaUserId set for {@link PrivacyScope#META_USER} (the app-scoped user id, a contact's external id)
 */
public record PrivacySubject(UUID requestId, UUID businessId, PrivacyScope scope, UUID contactId, String metaUserId) {

    public static PrivacySubject contact(UUID requestId, UUID businessId, UUID contactId) {
        return new PrivacySubject(requestId, businessId, PrivacyScope.CONTACT, contactId, null);
    }

    public static PrivacySubject business(UUID requestId, UUID businessId) {
        return new PrivacySubject(requestId, businessId, PrivacyScope.BUSINESS, null, null);
    }

    public static PrivacySubject metaUser(UUID requestId, UUID businessId, String metaUserId) {
        return new PrivacySubject(requestId, businessId, PrivacyScope.META_USER, null, metaUserId);
    }

    public boolean isBusiness() {
        return scope == PrivacyScope.BUSINESS;
    }
}
