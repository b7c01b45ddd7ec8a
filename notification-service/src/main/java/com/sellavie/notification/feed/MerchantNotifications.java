package com.sellavie.notification.feed;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The current business's notification feed: what gets recorded, listed and marked read. */
@Service
public class MerchantNotifications {

    private final NotificationStore store;
    private final ApplicationEventPublisher events;
    private final HiddenKinds hiddenKinds;

    MerchantNotifications(NotificationStore store, ApplicationEventPublisher events, HiddenKinds hiddenKinds) {
        this.store = store;
        this.events = events;
        this.hiddenKinds = hiddenKinds;
    }

    /**
     * Records a notification for the current business, unless one of the same kind and reference
     * exists. Joins the caller's transaction (a consumer's inbox record), so both commit together.
     *
     * A notification added is announced ({@link NotificationRecorded}) in the same transaction.
     *
     * @return whether a notification was added
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(NotificationDraft draft) {
        UUID businessId = TenantContext.requireBusinessId();
        boolean added = store.insertIfAbsent(UuidCreator.getTimeOrderedEpoch(), businessId, draft);
        if (added) {
            events.publishEvent(new NotificationRecorded(businessId, draft));
        }
        return added;
    }

    /** The feed as {@code member} sees it: the business's notifications less the kinds they turned off. */
    @Transactional(readOnly = true)
    NotificationPage page(UUID member, boolean unreadOnly, int page, int limit) {
        Set<NotificationKind> hidden = hiddenKinds.hiddenFrom(member);
        // One row more than asked tells whether another page exists without counting them all.
        List<Notification> rows = store.newestFirst(unreadOnly, hidden, limit + 1, (long) page * limit);
        boolean hasMore = rows.size() > limit;
        return new NotificationPage(hasMore ? rows.subList(0, limit) : rows, page, limit, hasMore,
                store.countUnread(hidden));
    }

    @Transactional
    Optional<Notification> markRead(UUID id) {
        return store.markRead(id);
    }
}
