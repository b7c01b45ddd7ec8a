package com.sellavie.notification.preferences;

import com.sellavie.notification.feed.HiddenKinds;
import com.sellavie.notification.feed.NotificationKind;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A kind a member set OFF leaves their feed (and its unread count); the rest of the team still sees it. */
@Component
class FeedFilter implements HiddenKinds {

    private final AlertPreferences preferences;

    FeedFilter(AlertPreferences preferences) {
        this.preferences = preferences;
    }

    @Override
    public Set<NotificationKind> hiddenFrom(UUID userId) {
        return preferences.of(userId).entrySet().stream().filter(e -> e.getValue() == AlertChannel.OFF)
                .map(java.util.Map.Entry::getKey).collect(Collectors.toUnmodifiableSet());
    }
}
