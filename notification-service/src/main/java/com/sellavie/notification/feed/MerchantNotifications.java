package com.sellavie.notification.feed;

import com.github.f4b6a3.uuid.UuidCreator;
import com.sellavie.platform.tenancy.TenantContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The current business's notification feed: what gets recorded, listed and marked read. */
@Service
public class MerchantNotifications {

    private final NotificationStore store;

    MerchantNotifications(NotificationStore store) {
        this.store = store;
    }

    /**
     * Records a notification for the current business, unless one of the same kind and reference
     * exists. Joins the caller's transaction (a consumer's inbox record), so both commit together.
     *
     * @return whether a notification was added
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean record(NotificationDraft draft) {
        return store.insertIfAbsent(UuidCreator.getTimeOrderedEpoch(), TenantContext.requireBusinessId(), draft);
    }

    @Transactional(readOnly = true)
    NotificationPage page(boolean unreadOnly, int page, int limit) {
        // One row more than asked tells whether another page exists without counting them all.
        List<Notification> rows = store.newestFirst(unreadOnly, limit + 1, (long) page * limit);
        boolean hasMore = rows.size() > limit;
        return new NotificationPage(hasMore ? rows.subList(0, limit) : rows, page, limit, hasMore,
                store.countUnread());
    }

    @Transactional
    Optional<Notification> markRead(UUID id) {
        return store.markRead(id);
    }
}
