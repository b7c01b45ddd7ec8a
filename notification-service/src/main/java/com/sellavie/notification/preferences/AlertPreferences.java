package com.sellavie.notification.preferences;

import com.sellavie.notification.feed.NotificationKind;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A member's alert preferences in the current business: their choices over the defaults. */
@Service
class AlertPreferences {

    private final PreferenceStore store;

    AlertPreferences(PreferenceStore store) {
        this.store = store;
    }

    /** Every alert kind with the member's channel for it, in a stable order. */
    @Transactional(readOnly = true)
    Map<NotificationKind, AlertChannel> of(UUID userId) {
        Map<NotificationKind, AlertChannel> chosen = store.chosen(userId);
        Map<NotificationKind, AlertChannel> effective = new LinkedHashMap<>();
        AlertKinds.DEFAULTS.forEach((kind, fallback) -> effective.put(kind, chosen.getOrDefault(kind, fallback)));
        return effective;
    }

    /** Saves the kinds given (others unchanged), all in one transaction; returns the result. */
    @Transactional
    Map<NotificationKind, AlertChannel> update(UUID userId, Map<NotificationKind, AlertChannel> changes) {
        changes.forEach((kind, channel) -> store.save(userId, kind, channel));
        return of(userId);
    }
}
