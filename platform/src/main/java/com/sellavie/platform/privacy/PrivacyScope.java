package com.sellavie.platform.privacy;

/** Whose data a privacy request is about. */
public enum PrivacyScope {
    /** One contact (customer) of one business. */
    CONTACT,
    /** Everything personal a business holds. */
    BUSINESS,
    /** A Meta app-scoped user, in whichever businesses know them (Meta's data-deletion callback). */
    META_USER
}
