package com.sellavie.conversation.contact;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code sellavie.contacts.*}: the profile refresh queue.
 *
 * @param refreshEvery   how long a fetched profile is kept before it is fetched again (default 7 days)
 * @param pollInterval   how often an instance looks for due profiles (default 2 s)
 * @param batchSize      profiles claimed per look (default 20)
 * @param lease          how long a claim keeps other instances off a contact (default 1 min)
 * @param initialBackoff the wait after a first failure, doubled per failure in a row up to refreshEvery (default 1 min)
 * @param connectTimeout Graph API connect timeout (default 3 s)
 * @param requestTimeout Graph API request timeout (default 5 s)
 */
@ConfigurationProperties("sellavie.contacts")
record ContactProperties(Duration refreshEvery, Duration pollInterval, Integer batchSize, Duration lease,
        Duration initialBackoff, Duration connectTimeout, Duration requestTimeout) {

    ContactProperties {
        refreshEvery = refreshEvery == null ? Duration.ofDays(7) : refreshEvery;
        pollInterval = pollInterval == null ? Duration.ofSeconds(2) : pollInterval;
        batchSize = batchSize == null ? 20 : batchSize;
        lease = lease == null ? Duration.ofMinutes(1) : lease;
        initialBackoff = initialBackoff == null ? Duration.ofMinutes(1) : initialBackoff;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(3) : connectTimeout;
        requestTimeout = requestTimeout == null ? Duration.ofSeconds(5) : requestTimeout;
    }

    /** Failures in a row -> the wait before the next try: initialBackoff doubled, at most refreshEvery. */
    Duration backoffAfter(int failures) {
        Duration wait = initialBackoff.multipliedBy(1L << Math.min(Math.max(failures - 1, 0), 20));
        return wait.compareTo(refreshEvery) > 0 ? refreshEvery : wait;
    }
}
