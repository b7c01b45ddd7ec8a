package com.sellavie.ingest.webhook;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Group commit of webhooks ({@code sellavie.ingest.group-commit.*}).
 *
 * @param enabled  false: each webhook commits its own transaction on its request thread (the behaviour before
 *                 issue 12); kept as a switch to compare the two
 * @param writers  threads committing batches, each with one database connection (default 2)
 * @param maxBatch most webhooks in one transaction (default 64)
 */
@ConfigurationProperties("sellavie.ingest.group-commit")
public record GroupCommitProperties(Boolean enabled, Integer writers, Integer maxBatch) {

    public GroupCommitProperties {
        enabled = enabled == null || enabled;
        writers = writers == null ? 2 : writers;
        maxBatch = maxBatch == null ? 64 : maxBatch;
        if (writers < 1 || maxBatch < 1) {
            throw new IllegalArgumentException("sellavie.ingest.group-commit.writers and max-batch must be positive (got "
                    + writers + ", " + maxBatch + ")");
        }
    }
}
