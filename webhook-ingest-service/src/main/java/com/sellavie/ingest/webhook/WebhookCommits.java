package com.sellavie.ingest.webhook;

import java.util.function.Supplier;

/**
 * Where a verified webhook's database work runs: batched with concurrent webhooks ({@link GroupCommit}) or in
 * its own transaction. Either way {@link #commit} returns only once that work is committed.
 */
@FunctionalInterface
public interface WebhookCommits {

    <T> T commit(Supplier<T> work);
}
