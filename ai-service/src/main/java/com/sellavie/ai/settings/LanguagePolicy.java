package com.sellavie.ai.settings;

/** Which language the assistant replies in. */
public enum LanguagePolicy {
    /** The customer's language (the business's language when that is unclear). */
    CUSTOMER,
    /** Always the business's chosen language, whatever the customer writes in. */
    FIXED
}
