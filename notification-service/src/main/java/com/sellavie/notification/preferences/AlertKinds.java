package com.sellavie.notification.preferences;

import com.sellavie.notification.feed.NotificationKind;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The alert kinds a member can have emailed, and their defaults. In-app by default: a team gets a
 * bell, not a mailbox flood. Except a channel to reconnect, emailed by default: nothing can be sent on
 * it until someone acts, and nobody may be looking at the console.
 */
final class AlertKinds {

    static final Map<NotificationKind, AlertChannel> DEFAULTS = defaults();

    private AlertKinds() {
    }

    private static Map<NotificationKind, AlertChannel> defaults() {
        Map<NotificationKind, AlertChannel> defaults = new LinkedHashMap<>();
        defaults.put(NotificationKind.HANDOFF_REQUESTED, AlertChannel.IN_APP);
        defaults.put(NotificationKind.ORDER_PAID, AlertChannel.IN_APP);
        defaults.put(NotificationKind.PAYMENT_FAILED, AlertChannel.IN_APP);
        defaults.put(NotificationKind.CHANNEL_NEEDS_RECONNECT, AlertChannel.EMAIL);
        return java.util.Collections.unmodifiableMap(defaults);
    }
}
