package com.sellavie.identity.activity;

/** What an activity entry is about; the console filters by it. */
public enum ActivityCategory {
    SECURITY, TEAM, SETTINGS, CHANNELS, CONVERSATIONS, ORDERS
}
